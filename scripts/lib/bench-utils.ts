// Small helpers the benchmark scripts share.

/** The p-th percentile (0–100) of the values, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Resolves once the URL answers 2xx; throws after timeoutMs. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface BenchApp {
  base: string;
  dataDir: string;
  /** The embedded database the app runs on. */
  dbUri: string;
  /** The demo users the app created on its first start. */
  demoUser(role: string): { email: string; password: string; roles: string[] };
  stop(): Promise<void>;
}

/**
 * Starts the real app (scripts/start.mjs: built Next.js on a fresh embedded database with demo
 * users) on free ports, and resolves once it answers. The web server runs no worker unless
 * env says otherwise.
 */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const { spawn } = await import("node:child_process");
  const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { freePort } = await import("../../lib/db/ferretdb.mjs");
  const root = path.resolve(__dirname, "../..");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-"));
  const [port, dbPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_DB_PORT: String(dbPort), NEXTAUTH_URL: base, SWITCHYARD_WORKER: "off", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => app.once("exit", resolve));
  const stop = async () => {
    if (app.exitCode === null) app.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${base}/login`, 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const users = () => JSON.parse(readFileSync(path.join(dataDir, "demo-users.json"), "utf8")) as { email: string; password: string; roles: string[] }[];
  return {
    base,
    dataDir,
    dbUri: `mongodb://127.0.0.1:${dbPort}/switchyard`,
    demoUser: (role) => {
      const user = users().find((u) => u.roles.includes(role));
      if (!user) throw new Error(`No demo ${role}`);
      return user;
    },
    stop,
  };
}
