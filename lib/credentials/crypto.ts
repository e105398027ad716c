// AES-256-GCM for stored credential secrets. The key is CREDENTIALS_KEY (32 bytes, base64).
// Each secret is bound to its credential's id as associated data, so a ciphertext copied onto
// another credential does not decrypt.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { serverConfig } from "@/lib/config";

export interface SealedSecret {
  /** base64: 12-byte nonce, 16-byte tag, ciphertext. */
  iv: string;
  tag: string;
  data: string;
}

const ALGORITHM = "aes-256-gcm";

/** Decodes CREDENTIALS_KEY; throws a message that says what is wrong and how to fix it. */
export function parseCredentialsKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) {
    throw new Error(
      `CREDENTIALS_KEY must be 32 bytes in base64 (it decodes to ${key.length} bytes); make one with \`openssl rand -base64 32\``,
    );
  }
  return key;
}

/** The process's key, from the environment (lib/config.ts). */
export function credentialsKey(): Buffer {
  return parseCredentialsKey(serverConfig().credentialsKey);
}

export function seal(plaintext: string, key: Buffer, associatedData: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
}

/** Throws when the key is wrong or the data was changed; the message names neither value. */
export function open(sealed: SealedSecret, key: Buffer, associatedData: string): string {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, "base64"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the stored secret cannot be decrypted: CREDENTIALS_KEY is not the key it was saved with, or the record was altered");
  }
}
