// Starts one real FerretDB for the integration tests, on a free port with a throw-away
// data folder; each test file then works in a database of its own (tests/setup-db.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureFerretDB, startFerretDB } from "../lib/db/ferretdb.mjs";
import { TOOLS_DIR } from "../scripts/lib/paths.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mongoBaseUri: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-int-"));
  // SWITCHYARD_TEST_FERRETDB: run the tests against another build, e.g. a stock FerretDB, to see
  // lib/db/id-index.int.test.ts fail without the _id index patch.
  const binary = process.env.SWITCHYARD_TEST_FERRETDB || ensureFerretDB({ toolsDir: TOOLS_DIR });
  const db = await startFerretDB({ binary, dataDir });
  project.provide("mongoBaseUri", `mongodb://127.0.0.1:${db.port}`);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
