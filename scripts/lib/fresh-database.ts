// What most benchmark scripts open and close: a fresh embedded FerretDB in a temporary folder,
// mongoose connected to it, and everything removed afterwards, whatever happened in between.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose, { type ConnectOptions } from "mongoose";
import { ensureFerretDB, startFerretDB } from "../../lib/db/ferretdb.mjs";
import { TOOLS_DIR } from "./paths.mjs";

export interface FreshDatabase {
  uri: string;
  /** The FerretDB process, for reading its CPU time. */
  pid: number;
}

/**
 * Runs `work` against a fresh embedded database named `name`. `beforeConnect` runs once the
 * database is up and before mongoose connects (to set what the app reads from the environment).
 */
export async function withFreshDatabase<T>(
  name: string,
  work: (db: FreshDatabase) => Promise<T>,
  options: { connect?: ConnectOptions; beforeConnect?: (db: FreshDatabase) => void } = {},
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `switchyard-bench-${name}-`));
  const server = await startFerretDB({ binary: ensureFerretDB({ toolsDir: TOOLS_DIR }), dataDir });
  const db = { uri: `mongodb://127.0.0.1:${server.port}/${name}`, pid: server.pid! };
  try {
    options.beforeConnect?.(db);
    await mongoose.connect(db.uri, options.connect);
    return await work(db);
  } finally {
    await mongoose.disconnect();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 (after printing why) when it threw. */
export function runBench(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
