import { defineConfig } from "@playwright/test";

// scripts/e2e.mjs picks a free port and a throw-away data folder and passes them here, so
// the app under test runs on its own fresh embedded database.
const port = Number(process.env.E2E_PORT ?? 3200);
const dataDir = process.env.E2E_DATA_DIR ?? "/tmp/switchyard-e2e";
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 600_000, // a first start builds the app: minutes on a busy 2-core machine
    stdout: "pipe",
    // SWITCHYARD_TRUSTED_PROXIES: the journeys pose as several client addresses with X-Forwarded-For (e2e/auth.spec.ts).
    // E2E_DEMO_RUNS: demo runs made through the real engine before the server starts (scripts/e2e.mjs sets it for the dashboard spec).
    env: { PORT: String(port), SWITCHYARD_TRUSTED_PROXIES: "127.0.0.1,::1", SWITCHYARD_DATA_DIR: dataDir, NEXTAUTH_URL: baseURL, SWITCHYARD_DEMO_RUNS: process.env.E2E_DEMO_RUNS ?? "" },
  },
});
