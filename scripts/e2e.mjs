// Runs the Playwright journeys against the app started on a free port with a fresh database.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/ferretdb.mjs";
import { ROOT } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-e2e-"));
const port = await freePort();
// The dashboard journey needs runs: made through the real engine before the server starts
// (scripts/start.mjs, SWITCHYARD_DEMO_RUNS) when the dashboard spec is among those run.
const specs = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const demoRuns = process.env.E2E_DEMO_RUNS ?? (specs.length === 0 || specs.some((s) => s.includes("dashboard")) ? "30" : "");
const code = await run(path.join(ROOT, "node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir, E2E_DEMO_RUNS: demoRuns, NEXT_TELEMETRY_DISABLED: "1" },
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
