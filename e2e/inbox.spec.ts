// The inbox journey: a designer starts a run of the expense template from the canvas's Run
// dialog, the manager waiting on /inbox sees the task
// arrive without reloading (badge and list), opens it, approves with a comment, and the run
// completes; a second approver who had the same task open is told it is done; the reject path
// needs a reason.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUser, signInAs } from "./helpers";

test.use({ viewport: { width: 1400, height: 900 } });

async function createExpenseWorkflow(page: Page, name: string): Promise<string> {
  await page.goto("/workflows");
  await page.getByTestId("new-workflow").click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByTestId("template-card-expense-approval").click();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[a-f0-9]{24}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Starts a test run from the designer's Run dialog (the page is on the canvas); returns the run id. */
async function startRun(page: Page, input: Record<string, string | number>): Promise<string> {
  await page.getByTestId("run-button").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  for (const [name, value] of Object.entries(input)) await dialog.getByTestId(`run-input-${name}`).fill(String(value));
  await dialog.getByTestId("run-confirm").click();
  await expect(dialog).toBeHidden();
  const href = await page.getByTestId("run-banner-open").getAttribute("href");
  const runId = href?.match(/^\/runs\/([a-f0-9]{24})$/)?.[1];
  if (!runId) throw new Error(`No run link on the canvas (${href})`);
  return runId;
}

async function signedIn(browser: Browser, role: "manager" | "admin" | "designer") {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, role);
  return { context, page };
}

/** The run's status as the server has it, read on the task page (the run page lives elsewhere). */
async function expectRunStatus(page: Page, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-link").locator("xpath=..")).toContainText(`(${status})`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("an approver sees a new task arrive, approves it with a comment, the run completes, and a second approver is told it is done", async ({ browser }, testInfo) => {
  const manager = await signedIn(browser, "manager");
  await manager.page.goto("/inbox?tab=available");
  await expect(manager.page.getByTestId("inbox-badge")).toHaveCount(0);
  await expect(manager.page.getByText("Nothing here")).toBeVisible();

  const designer = await signedIn(browser, "designer");
  await createExpenseWorkflow(designer.page, `Inbox journey ${testInfo.workerIndex}-${Date.now()}`);
  const runId = await startRun(designer.page, { employee: "sam@example.com", amount: 2400, currency: "EUR", description: "Laptop for a new hire" });

  // No reload: the badge and the list poll.
  await expect(manager.page.getByTestId("inbox-badge")).toHaveText("1", { timeout: 15_000 });
  const row = manager.page.getByTestId("task-row").filter({ hasText: "Approve 2400 EUR from sam@example.com" });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(manager.page.getByTestId("tab-available")).toContainText("1");
  await manager.page.screenshot({ path: "/tmp/inbox-list.png" });
  await manager.page.emulateMedia({ colorScheme: "dark" });
  await manager.page.screenshot({ path: "/tmp/inbox-list-dark.png" });
  await manager.page.emulateMedia({ colorScheme: "light" });

  // The admin (who may act on any task) opens it too, before the manager decides.
  const admin = await signedIn(browser, "admin");
  const taskId = await row.getAttribute("data-task-id");
  await admin.page.goto(`/inbox/${taskId}`);
  await expect(admin.page.getByRole("button", { name: "Approve" })).toBeVisible();

  // Keyboard: j selects the row, Enter opens it.
  await manager.page.keyboard.press("j");
  await manager.page.keyboard.press("Enter");
  await expect(manager.page).toHaveURL(new RegExp(`/inbox/${taskId}$`));
  await expect(manager.page.getByTestId("task-title")).toHaveText("Approve 2400 EUR from sam@example.com");
  await expect(manager.page.getByText("Laptop for a new hire").first()).toBeVisible();
  await expect(manager.page.getByTestId("countdown")).toContainText(/due in 4[78] h/);
  await expect(manager.page.getByTestId("run-link")).toHaveText(runId);
  await manager.page.screenshot({ path: "/tmp/inbox-task.png", fullPage: true });
  await manager.page.emulateMedia({ colorScheme: "dark" });
  await manager.page.screenshot({ path: "/tmp/inbox-task-dark.png", fullPage: true });
  await manager.page.emulateMedia({ colorScheme: "light" });

  // One place to write: the decision's Comment box, also for a note without deciding.
  await expect(manager.page.locator("#new-comment")).toHaveCount(0);
  await manager.page.locator("#decision-reason").fill("Is the receipt attached?");
  await manager.page.getByTestId("comment-only").click();
  await expect(manager.page.getByTestId("task-comments")).toContainText("Is the receipt attached?");
  await expect(manager.page.getByTestId("task-status")).not.toHaveText("Done");
  await manager.page.locator("#decision-reason").fill("Checked the receipt");
  await manager.page.getByRole("button", { name: "Approve" }).click();
  await expect(manager.page.getByTestId("task-outcome")).toContainText("Approved by");
  await expect(manager.page.getByTestId("task-status")).toHaveText("Done");
  await expect(manager.page.getByTestId("task-comments")).toContainText("Checked the receipt");
  await expect(manager.page.getByTestId("task-history")).toContainText("Approved");
  await expectRunStatus(manager.page, "completed");
  await expect(manager.page.getByTestId("inbox-badge")).toHaveCount(0, { timeout: 15_000 });
  await manager.page.goto(`/runs/${runId}`);
  await expect(manager.page.getByTestId("run-status").first()).toHaveAttribute("data-status", "completed");
  // Who decided reads as their name on the run page (step output and timeline), not as a user id.
  const managerName = demoUser("manager").name;
  const approvalStep = manager.page.locator('[data-testid="run-step"][data-node-id="manager_approval"]');
  await approvalStep.getByRole("button").first().click();
  await expect(approvalStep.getByTestId("person-name").first()).toHaveText(managerName);
  await expect(manager.page.getByTestId("run-timeline")).toContainText(`Manager approval: approved by ${managerName}`);
  await manager.page.screenshot({ path: "/tmp/run-page-names.png", fullPage: true });

  // The second approver still had the open form: the server says it is done, nothing changes.
  await admin.page.getByRole("button", { name: "Approve" }).click();
  await expect(admin.page.getByText(/ approved this task (just now|\d+ minutes? ago) \(.+ UTC\)\. Nothing was changed\./)).toBeVisible();
  await expect(admin.page.getByTestId("task-outcome")).toContainText("Approved by", { timeout: 10_000 });

  // "Completed by me" lists it for the manager.
  await manager.page.goto("/inbox?tab=done");
  await expect(manager.page.getByTestId("task-row").filter({ hasText: "Approve 2400 EUR" })).toContainText("Approved");
  await Promise.all([manager.context.close(), designer.context.close(), admin.context.close()]);
});

test("rejecting needs a reason, then the run takes the reject branch to its end", async ({ browser }, testInfo) => {
  const designer = await signedIn(browser, "designer");
  await createExpenseWorkflow(designer.page, `Inbox reject ${testInfo.workerIndex}-${Date.now()}`);
  await startRun(designer.page, { employee: "kim@example.com", amount: 9100, currency: "EUR", description: "Conference in Lisbon" });

  const manager = await signedIn(browser, "manager");
  await manager.page.goto("/inbox?tab=available&q=kim");
  const row = manager.page.getByTestId("task-row").filter({ hasText: "Approve 9100 EUR from kim@example.com" });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(manager.page.getByTestId("inbox-search")).toHaveValue("kim");
  // A designer is not offered this task: it answers 404, like a task that does not exist.
  const hidden = await designer.page.goto(`/inbox/${await row.getAttribute("data-task-id")}`);
  expect(hidden?.status()).toBe(404);

  // Claim from the list with the keyboard, then r opens it ready for a reason.
  await manager.page.keyboard.press("j");
  await manager.page.keyboard.press("c");
  await expect(manager.page.getByText("Claimed: the task is yours.")).toBeVisible();
  await manager.page.goto("/inbox");
  await expect(manager.page.getByTestId("tab-mine")).toContainText("1");
  await manager.page.keyboard.press("j");
  await manager.page.keyboard.press("r");
  await expect(manager.page).toHaveURL(/action=reject/);
  await expect(manager.page.getByTestId("task-holder")).toContainText("Held by");

  await manager.page.getByRole("button", { name: "Reject" }).click();
  await expect(manager.page.getByText("A reason is required to reject (at least 3 characters)")).toBeVisible();
  await expect(manager.page.getByTestId("task-status")).toHaveText("Claimed");

  await manager.page.locator("#decision-reason").fill("Over the conference budget");
  await manager.page.getByRole("button", { name: "Reject" }).click();
  await expect(manager.page.getByTestId("task-outcome")).toContainText("Rejected by");
  await expect(manager.page.getByTestId("task-outcome")).toContainText("Over the conference budget");
  await expectRunStatus(manager.page, "completed");
  await Promise.all([manager.context.close(), designer.context.close()]);
});

test("a task that does not exist and one a person may not see give the same 404", async ({ browser }) => {
  const designer = await signedIn(browser, "designer");
  const missing = await designer.page.goto("/inbox/000000000000000000000000");
  expect(missing?.status()).toBe(404);
  const garbage = await designer.page.goto("/inbox/not-an-id");
  expect(garbage?.status()).toBe(404);
  await designer.context.close();
});
