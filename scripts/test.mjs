// `npm test`: everything, in order, on real parts — type check, lint, unit tests, integration
// tests on a real FerretDB, a production build, and Playwright in Debian's Chromium.
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureFerretDB, EmbeddedDatabaseError } from "../lib/db/ferretdb.mjs";
import { ROOT, TOOLS_DIR, NEXT_BIN } from "./lib/paths.mjs";
import { run } from "./lib/run.mjs";

const CHROMIUM = "/usr/bin/chromium";
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The end-to-end tests need Debian's Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if ((await run("apt-get", ["update", "-qq"], { env: aptEnv })) !== 0) throw new Error("apt-get update failed.");
  if ((await run("apt-get", ["install", "-y", "-qq", "chromium"], { env: aptEnv })) !== 0) throw new Error("apt-get install chromium failed.");
}

const steps = [
  ["type check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings=0", "."]],
  ["unit tests", bin("vitest"), ["run", "--project", "unit"]],
  ["integration tests (FerretDB)", bin("vitest"), ["run", "--project", "integration"]],
  ["production build", NEXT_BIN, ["build"]],
  ["end-to-end tests (Playwright, Chromium)", process.execPath, [path.join(ROOT, "scripts/e2e.mjs")]],
];

async function main() {
  const started = Date.now();
  try {
    await ensureChromium();
    ensureFerretDB({ toolsDir: TOOLS_DIR });
  } catch (err) {
    console.error(`\n✖ ${err instanceof EmbeddedDatabaseError ? "" : "Setup failed: "}${err.message}\n`);
    process.exit(1);
  }
  for (const [name, command, args] of steps) {
    const t0 = Date.now();
    console.log(`\n━━ ${name} ━━`);
    const code = await run(command, args, { cwd: ROOT, env });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0) {
      console.error(`\n✖ ${name} failed (exit ${code}, ${secs} s)`);
      process.exit(code);
    }
    console.log(`✔ ${name} (${secs} s)`);
  }
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main();
