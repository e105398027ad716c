// AI cost control end to end: an admin prices the simulated model (Settings → AI models) so it
// costs money offline; a designer sets a low per-run budget on the expense template, sees the
// estimate in the Run dialog, starts a run that pauses for approval of extra spend, approves it
// in the inbox as the workflow's owner, and the run completes; the dashboard shows the budget.
import { expect, test } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { signInAs } from "./helpers";

test("budgets: price a model, estimate a run, pause over budget, approve the extra, complete", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // The admin prices the simulated model: $1,000 / $2,000 per million tokens.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/settings");
  await admin.getByRole("link", { name: /AI models and prices/ }).click();
  await expect(admin).toHaveURL(/\/settings\/ai-models$/);
  const row = admin.getByTestId("ai-model-row-simulated:simulated");
  await row.getByTestId("ai-model-edit").click();
  const dialog = admin.getByRole("dialog", { name: "Edit simulated" });
  await dialog.getByTestId("ai-model-input-price").fill("-5");
  await dialog.getByTestId("ai-model-save").click();
  await expect(dialog.getByText("Input price cannot be negative")).toBeVisible();
  await dialog.getByTestId("ai-model-input-price").fill("1000");
  await dialog.getByTestId("ai-model-output-price").fill("2000");
  await dialog.getByTestId("ai-model-save").click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("ai-model-input")).toHaveText("$1000");
  await expect(row.getByTestId("ai-model-output")).toHaveText("$2000");
  await admin.screenshot({ path: "/tmp/budget-settings-ai-models.png", fullPage: true });
  await adminContext.close();

  // The designer sets a per-run budget of one cent on a new expense workflow.
  const page = await browser.newPage();
  await signInAs(page, "designer");
  const name = `Budgeted expenses ${testInfo.workerIndex}-${Date.now()}`;
  const workflowId = await createWorkflow(page, name, "expense-approval");
  await page.getByTestId("settings-button").click();
  const settings = page.getByTestId("workflow-settings");
  await expect(settings).toBeVisible();
  await settings.getByTestId("settings-budget-perRunUsd").fill("0.01");
  await expect(settings.getByText("Settings saved")).toBeVisible({ timeout: 10_000 });

  // The Run dialog estimates the AI cost from the prompt size (no runs yet).
  await page.getByTestId("run-button").click();
  const run = page.getByRole("dialog", { name: "Run this workflow" });
  await expect(run.getByTestId("run-estimate-range")).toHaveText(/^\$[\d.]+–\$[\d.]+$/, { timeout: 15_000 });
  await expect(run.getByTestId("run-estimate-basis")).toHaveText("(from prompt size; no past runs)");
  await expect(run.getByTestId("run-estimate-budget")).toContainText("Budget per run $0.01: the run may pause");
  await run.getByTestId("run-input-employee").fill("sam@example.com");
  await run.getByTestId("run-input-amount").fill("42.5");
  await run.getByTestId("run-input-currency").fill("EUR");
  await run.getByTestId("run-input-description").fill("Taxi to the airport");
  await page.screenshot({ path: "/tmp/budget-run-dialog.png" });
  await run.getByTestId("run-confirm").click();
  await expect(run).toBeHidden();

  // The run pauses at the AI step: its budget would be crossed.
  const banner = page.getByTestId("run-banner");
  await expect(banner).toHaveAttribute("data-status", "paused", { timeout: 30_000 });
  const runHref = (await page.getByTestId("run-banner-open").getAttribute("href"))!;

  // The owner (the designer) approves the extra spend in the inbox.
  // Offered to the owners (not assigned to one), so it waits under "Available to claim".
  await page.goto("/inbox?tab=available");
  const task = page.getByTestId("task-row").filter({ hasText: `for ${name}` });
  await expect(task).toBeVisible({ timeout: 20_000 });
  await expect(task).toContainText(/Approve extra spend of \$\d+\.\d\d for/);
  await page.goto(`/inbox/${await task.getAttribute("data-task-id")}`);
  await expect(page.getByTestId("task-title")).toHaveText(/Approve extra spend of \$\d+\.\d\d for /);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("task-outcome")).toContainText("Approved by");

  // The run continues and completes.
  await page.goto(runHref);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "completed", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The dashboard lists the workflow's budget.
  await page.goto("/dashboard");
  const budgetRow = page.getByTestId(`budget-row-${workflowId}`);
  await expect(budgetRow).toBeVisible();
  await expect(budgetRow).toContainText("$0.01");
  await expect(budgetRow).toContainText("Allowed");
  await page.screenshot({ path: "/tmp/budget-dashboard.png", fullPage: true });
});
