// The manager's journey on demo data made by real runs (scripts/e2e.mjs has the app's first
// start run the demo workflows 30 times through the engine): KPIs, a range change, a drill into
// a workflow's failed runs, CSV exports, bad URL parameters, and refusals for other roles.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

test.use({ viewport: { width: 1440, height: 1000 } });

const kpi = (page: Page, key: string) => page.getByTestId(`kpi-${key}`).getByTestId("kpi-value");

test("a manager reads the dashboard, changes the range, drills into failed runs and exports CSV", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("kpi-runs")).toBeVisible();
  await expect(kpi(page, "runs")).toHaveText(/^\d[\d,]*$/);

  await page.getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/range=90d/);
  await expect(page.getByRole("button", { name: "90 days" })).toHaveAttribute("aria-pressed", "true");
  const runs = Number((await kpi(page, "runs").textContent())!.replace(/,/g, ""));
  // The 30 seeded runs, and any that journeys before this one (API, credentials) finished.
  expect(runs).toBeGreaterThanOrEqual(30);
  await expect(kpi(page, "successRate")).toHaveText(/%$/);
  await expect(kpi(page, "medianApprove")).not.toHaveText("—");
  await expect(page.getByTestId("charts").locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("failing-steps")).toContainText("validate");

  // Screenshots in the OS's light and dark schemes.
  await page.screenshot({ path: "/tmp/dashboard-light.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "/tmp/dashboard-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // The per-workflow table is sortable.
  const table = page.getByTestId("workflow-table");
  await table.getByRole("button", { name: "Workflow" }).click();
  // Sorted by name: other journeys' workflows (API, credentials) may sit among the seeded ones.
  await expect(async () => {
    const names = (await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid") ?? ""))).map((id) => id.replace(/^workflow-row-/, ""));
    expect(names).toContain("Content review");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  }).toPass({ timeout: 10_000 });

  // CSV of the per-workflow table.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-workflows").click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("workflow_id,workflow,runs,failed,success_rate,p95_duration_ms,ai_cost_usd");
  expect(csv).toContain("Invoice check");
  const csvRuns = csv.trim().split("\r\n").slice(1).reduce((s, line) => s + Number(line.split(",")[2]), 0);
  expect(csvRuns).toBe(runs); // the export adds up to the KPI it sits under

  // Drill into one workflow's failed runs.
  const invoiceRow = page.getByTestId("workflow-row-Invoice check");
  const failed = Number(await invoiceRow.getByTestId("failed-runs-link").textContent());
  expect(failed).toBeGreaterThan(0);
  await invoiceRow.getByTestId("failed-runs-link").click();
  await expect(page).toHaveURL(/\/runs\?.*status=failed/);
  await expect(page.getByRole("heading", { name: "Runs" })).toBeVisible();
  await expect(page.getByTestId("run-row")).toHaveCount(failed);
  for (const row of await page.getByTestId("run-row").all()) await expect(row).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("runs-table")).toContainText("lines add up to");
  await page.screenshot({ path: "/tmp/runs-failed.png", fullPage: true });

  const runsDownload = page.waitForEvent("download");
  await page.getByTestId("export-runs").click();
  const runsCsv = readFileSync((await (await runsDownload).path())!, "utf8").trim().split("\r\n");
  expect(runsCsv[0]).toContain("run_id,workflow,status");
  expect(runsCsv).toHaveLength(failed + 1);
  expect(runsCsv.slice(1).every((line) => line.includes(",failed,"))).toBe(true);
});

test("bad URL parameters give a notice and the default view, never an error", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard?range=custom&from=2026-11-10&to=2026-11-01&workflow=nope");
  await expect(page.getByTestId("filter-notices")).toContainText("is after the end date");
  await expect(page.getByTestId("filter-notices")).toContainText("“workflow” is not a workflow id");
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

  await page.goto(`/dashboard?range=90d&workflow=${"0".repeat(24)}`);
  await expect(page.getByTestId("filter-notices")).toContainText("does not exist or is not one you can see");
  await expect(page.getByTestId("kpi-runs")).toBeVisible();

  await page.goto("/runs?status=exploded&page=-1");
  await expect(page.getByTestId("filter-notices")).toContainText("“status” must be completed, failed or cancelled");

  const bad = await page.request.get("/api/dashboard/export?table=secrets&range=7d");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toContain("table must be workflows, steps or runs");
});

test("an approver gets 403 from the dashboard, the runs explorer and the export", async ({ page }) => {
  await signInAs(page, "approver");
  for (const path of ["/dashboard", "/runs"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  const res = await page.request.get("/api/dashboard/export?table=workflows&range=30d");
  expect(res.status()).toBe(403);
});
