// Debugging one step (issue 13, point 4): test a step alone from the inspector, pin its output so
// test runs reuse it (the run says "pinned"), and run from here, on the canvas and from a past
// run's page. Screenshots of the inspector's panels go to /tmp/debug-shots.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createWorkflow, fitView, inspector, openNode, runExpenseClaim, waitForSave } from "./canvas";
import { signInAs } from "./helpers";

const SHOTS = "/tmp/debug-shots";
mkdirSync(SHOTS, { recursive: true });

test("test a step alone, pin its output, see it used in a run, and run from here", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "designer");
  const workflowId = await createWorkflow(page, `Step testing ${Date.now()}`, "expense-approval");

  // Before any run: only typed JSON, checked as it is typed.
  await openNode(page, "classify");
  const tools = inspector(page).getByTestId("step-tools");
  await expect(tools.getByTestId("step-test-source-latest")).toBeDisabled();
  await tools.getByTestId("step-test-json").fill("{bad");
  await expect(tools.getByTestId("field-error")).toContainText("not valid JSON");
  await expect(tools.getByTestId("step-test-run")).toBeDisabled();
  await tools.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/step-test-typed-error-1440-light.png` });
  await tools.getByTestId("step-test-json").fill('{"amount": 12, "description": "Lunch", "currency": "EUR"}');
  await tools.getByTestId("step-test-run").click();
  await expect(tools.getByTestId("step-test-result")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await page.keyboard.press("Escape");

  // A human step says why it cannot be tested alone.
  await openNode(page, "manager_approval");
  await expect(inspector(page).getByTestId("step-test-unavailable")).toContainText("cannot be tested alone");
  await inspector(page).getByTestId("step-tools").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/step-test-human-1440-light.png` });
  await page.keyboard.press("Escape");

  // After a run: the latest run's data is the input; the result can be pinned.
  await runExpenseClaim(page);
  await openNode(page, "classify");
  await expect(tools.getByTestId("step-test-source-latest")).toBeChecked();
  await expect(tools.getByTestId("step-test-latest")).toBeVisible();
  await tools.getByTestId("step-test-run").click();
  const result = tools.getByTestId("step-test-result");
  await expect(result).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(result).toContainText("Succeeded in");
  await expect(result.getByTestId("json-viewer")).toContainText("object");
  await tools.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/step-test-result-1440-light.png` });

  await result.getByTestId("step-test-pin").click();
  await expect(tools.getByTestId("pinned-output")).toBeVisible();
  await expect(page.getByTestId("node-pin-classify")).toBeVisible();
  await waitForSave(page);
  await tools.getByTestId("pinned-output").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/step-pinned-1440-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/step-pinned-1440-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await page.keyboard.press("Escape");

  // A test run reuses the pinned output: its page says so.
  await runExpenseClaim(page);
  const runHref = await page.getByTestId("run-banner-open").getAttribute("href");
  await page.goto(runHref!);
  await expect(page.getByTestId("run-timeline")).toContainText("pinned output used, the step did not run");

  // Run from here, from this run's page: a new test run starts at "Tell the employee: approved".
  const step = page.locator('[data-testid="run-step"][data-node-id="notify_approved"]');
  await step.getByRole("button").first().click();
  await step.getByTestId("step-run-from-here").click();
  await expect(page).not.toHaveURL(runHref!);
  await expect(page.getByTestId("run-started-from")).toContainText(`started from Tell the employee: approved using data of run #${runHref!.slice(-6)}`);
  await expect
    .poll(async () => {
      await page.reload();
      return page.locator('[data-testid="run-step"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node-id")));
    }, { timeout: 30_000 })
    .toEqual(["notify_approved", "end_approved"]);
  await page.screenshot({ path: `${SHOTS}/run-started-from-1440-light.png` });

  // Run from here on the canvas follows the new run; unpinning removes the badge.
  await page.goto(`/workflows/${workflowId}`);
  await expect(page.getByTestId("node-classify")).toBeVisible({ timeout: 20_000 });
  await openNode(page, "notify_approved");
  await inspector(page).getByTestId("run-from-here").click();
  await expect(page.getByTestId("run-banner")).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await page.keyboard.press("Escape");
  await openNode(page, "classify");
  await inspector(page).getByTestId("pinned-output-unpin").click();
  await fitView(page);
  await expect(page.getByTestId("node-pin-classify")).toHaveCount(0);
  await waitForSave(page);
});
