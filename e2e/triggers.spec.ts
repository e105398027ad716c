// A designer adds a schedule and a webhook to a workflow from the canvas's Triggers panel (a bad
// cron is refused beside its field), publishes, calls the webhook with fetch using the token
// shown once, and watches the run appear in the panel's recent firings, then opens it.
import { expect as baseExpect, test } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { demoUser, signIn } from "./helpers";

// This journey spans sign-in, the canvas, a publish and a run: on a loaded machine single steps
// take longer than the suite's 10 s default, so its own checks wait up to 30 s.
const expect = baseExpect.configure({ timeout: 30_000 });

test("a designer adds a schedule and a webhook, publishes, calls the webhook and sees its run", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000); // a long journey; the machine running it may be loaded
  // The first sign-in of a fresh server can take long on a loaded machine (the first journey of the run).
  const designer = demoUser("designer");
  await signIn(page, designer.email, designer.password);
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 45_000 });
  // Opening a new workflow's canvas can take long on a loaded machine: retry the shared helper's
  // 10 s wait for the first node with our own.
  await createWorkflow(page, `Triggers ${testInfo.workerIndex}-${Date.now()}`).catch(async () => {
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
  });

  await page.getByTestId("triggers-button").click();
  const panel = page.getByTestId("triggers-panel");
  await expect(panel.getByTestId("api-trigger")).toContainText("/runs");
  await expect(panel.getByTestId("triggers-workflow-inactive")).toContainText("not published");

  // A schedule: a wrong cron is refused beside the field, then a weekday morning in Berlin.
  await panel.getByTestId("add-schedule").click();
  const schedule = panel.getByTestId("schedule-form");
  await schedule.getByLabel("Cron expression").fill("61 9 * * 1-5");
  await expect(schedule.getByTestId("field-error")).toContainText("Invalid value for minute: 61");
  await schedule.getByLabel("Time zone").fill("Mars/Base");
  await schedule.getByLabel("Cron expression").fill("0 9 * * 1-5");
  await expect(schedule.getByTestId("field-error")).toContainText("not an IANA time zone");
  await schedule.getByLabel("Time zone").fill("Europe/Berlin");
  await expect(schedule.getByTestId("schedule-preview")).toContainText("every weekday at 09:00 Europe/Berlin, next:");
  await schedule.getByTestId("trigger-save").click();
  await expect(panel.locator('[data-testid="trigger-card"][data-kind="schedule"]')).toContainText("every weekday at 09:00");

  // A webhook: its token is shown once. (The "Schedule created" toast sits over the panel's foot until it fades.)
  await page.mouse.move(10, 10); // a hovered toast does not fade
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  await panel.getByTestId("add-webhook").click();
  await panel.getByTestId("webhook-form").getByTestId("trigger-save").click();
  const secretDialog = page.getByRole("dialog", { name: "Bearer token" });
  const token = (await secretDialog.getByTestId("trigger-secret").textContent())!.trim();
  expect(token).toMatch(/^swt_/);
  await secretDialog.getByTestId("secret-done").click();
  const webhookCard = panel.locator('[data-testid="trigger-card"][data-kind="webhook"]');
  await expect(webhookCard.getByTestId("trigger-state")).toHaveText("Inactive");
  await expect(webhookCard).not.toContainText(token);

  await page.mouse.move(10, 10); // a hovered toast does not fade
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-confirm").click();
  await expect(webhookCard.getByTestId("trigger-state")).toHaveText("Active");
  await expect(panel.locator('[data-testid="trigger-card"][data-kind="schedule"]').getByTestId("trigger-next")).toContainText("09:00");

  const url = (await webhookCard.getByTestId("webhook-url").textContent())!.trim();
  expect(url).toMatch(new RegExp(`^${baseURL}/api/hooks/[A-Za-z0-9_-]{32}$`));
  const refused = await fetch(url, { method: "POST", headers: { authorization: "Bearer wrong", "content-type": "application/json" }, body: "{}" });
  expect(refused.status).toBe(401);
  const accepted = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ orderId: 42 }) });
  expect(accepted.status).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };

  const link = webhookCard.getByTestId("firing-run-link");
  await expect(link).toHaveAttribute("href", `/runs/${runId}`, { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath("triggers-panel.png") });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByText("Webhook", { exact: false }).first()).toBeVisible();
});
