import "server-only";

export interface ServerConfig {
  mongoUri: string;
  nextAuthSecret: string;
  /** 32 bytes, base64: the AES-256-GCM key for stored credentials. */
  credentialsKey: string;
}

/**
 * Reads the settings the server cannot run without. `npm start` provides them (generated
 * into .data/ for the embedded database); there is deliberately no built-in fallback.
 */
export function serverConfig(): ServerConfig {
  const missing = ["MONGODB_URI", "NEXTAUTH_SECRET", "CREDENTIALS_KEY"].filter((k) => !process.env[k]);
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(", ")}. Start Switchyard with \`npm start\` (it sets these up for the embedded database), ` +
        "or set them in the environment when you use your own MongoDB.",
    );
  }
  return {
    mongoUri: process.env.MONGODB_URI!,
    nextAuthSecret: process.env.NEXTAUTH_SECRET!,
    credentialsKey: process.env.CREDENTIALS_KEY!,
  };
}
