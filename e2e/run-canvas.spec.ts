// A designer runs the expense template from the canvas: the input form refuses a bad input
// beside its fields, then the run moves node by node on the canvas (simulated AI provider),
// takes the small-amount branch to the end, and a large amount pauses at the manager's task.
import { expect, test, type Page } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { signInAs } from "./helpers";

const node = (page: Page, title: string) => page.locator(".react-flow__node", { hasText: title }).locator("[data-run-status]");

async function openRunDialog(page: Page) {
  await page.getByTestId("run-button").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("a designer runs the expense template from the canvas and watches it move node by node", async ({ page }, testInfo) => {
  await signInAs(page, "designer");
  await createWorkflow(page, `Expense run ${testInfo.workerIndex}-${Date.now()}`, "expense-approval");

  const dialog = await openRunDialog(page);
  await dialog.getByTestId("run-input-amount").fill("12abc");
  await dialog.getByTestId("run-confirm").click();
  await expect(dialog.getByText("Amount must be a number")).toBeVisible();
  await expect(dialog.getByText("Employee email is required")).toBeVisible();
  await expect(page.getByTestId("run-banner")).toHaveCount(0);

  await dialog.getByTestId("run-input-employee").fill("sam@example.com");
  await dialog.getByTestId("run-input-amount").fill("42.5");
  await dialog.getByTestId("run-input-currency").fill("EUR");
  await dialog.getByTestId("run-input-description").fill("Taxi to the airport");
  await dialog.getByTestId("run-confirm").click();
  await expect(dialog).toBeHidden();

  const banner = page.getByTestId("run-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  await expect(node(page, "Expense claim")).toHaveAttribute("data-run-status", "succeeded");
  await expect(node(page, "Classify the claim")).toHaveAttribute("data-run-status", "succeeded");
  await expect(node(page, "Needs a manager?")).toHaveAttribute("data-run-status", "succeeded");
  await expect(node(page, "Tell the employee: approved")).toHaveAttribute("data-run-status", "succeeded");
  await expect(node(page, "Manager approval")).toHaveAttribute("data-run-status", "skipped");
  await expect(page.locator(".react-flow__node", { hasText: "Classify the claim" }).getByTestId(/node-run-state-/)).toContainText(/Succeeded · \d/);
  await page.screenshot({ path: testInfo.outputPath("run-completed.png") });

  const second = await openRunDialog(page);
  await second.getByTestId("run-input-employee").fill("kim@example.com");
  await second.getByTestId("run-input-amount").fill("5000");
  await second.getByTestId("run-input-currency").fill("EUR");
  await second.getByTestId("run-input-description").fill("New laptop");
  await second.getByTestId("run-confirm").click();
  await expect(banner).toHaveAttribute("data-status", "paused", { timeout: 20_000 });
  await expect(node(page, "Manager approval")).toHaveAttribute("data-run-status", "waiting");
  await expect(node(page, "Tell the employee: approved")).toHaveAttribute("data-run-status", "pending");
  await page.screenshot({ path: testInfo.outputPath("run-waiting.png") });

  const runHref = await page.getByTestId("run-banner-open").getAttribute("href");
  expect(runHref).toMatch(/^\/runs\/[a-f0-9]{24}$/);

  // The run's page: paused at the manager's task, with the AI step's answer readable.
  await page.getByTestId("run-banner-open").click();
  await expect(page).toHaveURL(new RegExp(`${runHref}$`));
  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "paused");
  const step = page.getByTestId("run-step").filter({ hasText: "Classify the claim" });
  await step.getByRole("button", { name: /Classify the claim/ }).click();
  const output = step.getByRole("group", { name: "Output of Classify the claim" });
  await expect(output).toContainText("category");
  await expect(output).toContainText("unusual");
});

test("the event stream refuses the signed-out and answers 404 for a run that is missing or not shared", async ({ page }) => {
  const signedOut = await page.request.get("/api/runs/0123456789abcdef01234567/events");
  expect(signedOut.status()).toBe(401);
  await signInAs(page, "approver");
  const res = await page.request.get("/api/runs/0123456789abcdef01234567/events");
  expect(res.status()).toBe(404);
  expect((await res.json()).message).toMatch(/does not exist, or its workflow is not shared with you/);
});
