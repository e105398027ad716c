// The designer's debugging tools (issue 13, items 2 and 6): the "try it" preview under every
// expression field, evaluated against the latest run's data, and comparing a published version
// with the draft setting by setting, with the changes highlighted on the canvas. Screenshots at
// 1440×900 and 390×844, light and dark, go to /tmp/debug-shots for a person to look at.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { configInput, createWorkflow, fitView, inspector, openNode, runExpenseClaim, waitForSave } from "./canvas";
import { signInAs } from "./helpers";

const SHOTS = "/tmp/debug-shots";
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The preview line under the config field at a dotted path. */
const previewOf = (page: Page, path: string) => inspector(page).locator(`[data-field="${path}"]`).getByTestId("expression-preview").first();

/** Screenshots of the page in both themes (the theme follows the system until one is chosen). */
async function shoot(page: Page, name: string, viewport: { width: number; height: number }) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });
}


test("the try-it preview shows what an expression gives against the latest run's data", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "designer");
  await createWorkflow(page, `Try it ${Date.now()}`, "expense-approval");

  // Before any run there is nothing to evaluate against: say how to get something.
  await openNode(page, "amount_check");
  await expect(previewOf(page, "branches.0.condition")).toHaveAttribute("data-state", "no-run");
  await expect(previewOf(page, "branches.0.condition")).toContainText("no run yet: run the workflow once to preview");
  await page.keyboard.press("Escape");

  await runExpenseClaim(page);
  await openNode(page, "amount_check");
  const condition = configInput(page, "branches.0.condition");
  const preview = previewOf(page, "branches.0.condition");
  // A condition reads as true or false, as the engine takes it; 42.5 is not over 1,000.
  await expect(preview).toHaveAttribute("data-state", "value");
  await expect(preview).toContainText(/Latest run:\s*(true|false)/);
  await condition.fill("$input.amount > 40");
  await expect(preview.getByTestId("expression-preview-value")).toHaveText("true");
  // The bare name reads the AI step's answer, not the run input: the preview shows it is false.
  await condition.fill("amount > 40");
  await expect(preview.getByTestId("expression-preview-value")).toHaveText("false");
  await condition.fill("$error('Amount is missing')");
  await expect(preview).toHaveAttribute("data-state", "error");
  await expect(preview).toContainText("Amount is missing");
  await expect(preview.locator("span").last()).toHaveClass(/text-red-600/);
  await condition.fill("$input.amount > 1000");
  await expect(preview.getByTestId("expression-preview-value")).toHaveText("false");
  await shoot(page, "preview-decision", DESKTOP);

  // A template shows the text it renders; an expression its JSON value.
  await page.keyboard.press("Escape");
  await openNode(page, "notify_approved");
  await expect(previewOf(page, "bodyTemplate").getByTestId("expression-preview-value")).toHaveText("Your expense of 42.5 EUR (Taxi to the airport) was approved.");
  await openNode(page, "end_approved");
  const mapping = configInput(page, "outputMapping.0.expression");
  await mapping.fill("$nodes.classify.object.category");
  await expect(previewOf(page, "outputMapping.0.expression").getByTestId("expression-preview-value")).toHaveText(/^"[a-z]+"$/);
  // A path that finds nothing is said plainly, not shown as an empty value.
  await mapping.fill("$nodes.classify.output.category");
  await expect(previewOf(page, "outputMapping.0.expression")).toHaveAttribute("data-state", "nothing");
  await mapping.fill("$input");
  await expect(previewOf(page, "outputMapping.0.expression").getByTestId("expression-preview-value")).toContainText('"amount":42.5');
  await mapping.press("Escape"); // the suggestion list, so the screenshots show the preview
  await expect(page.getByTestId("expression-suggestions")).toHaveCount(0);
  await shoot(page, "preview-end", DESKTOP);

  await page.setViewportSize(PHONE);
  await expect(inspector(page)).toBeVisible();
  await expect(previewOf(page, "outputMapping.0.expression")).toBeVisible();
  await shoot(page, "preview-end", PHONE);
});

test("comparing a published version with the draft shows which setting changed from what to what", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "designer");
  await createWorkflow(page, `Compare ${Date.now()}`, "expense-approval");
  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-notes").fill("First version");
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByText("v1 live")).toBeVisible();

  // Change one setting and remove one step.
  await openNode(page, "amount_check");
  await configInput(page, "branches.0.condition").fill("$input.amount > 500");
  await page.keyboard.press("Escape");
  await fitView(page);
  await page.getByTestId("node-end_rejected").click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("node-end_rejected")).toHaveCount(0);
  await waitForSave(page);

  await page.getByTestId("versions-button").click();
  const panel = page.getByTestId("versions-panel");
  await expect(panel.getByTestId("compare-from")).toHaveValue("1");
  await expect(panel.getByTestId("compare-to")).toHaveValue("draft");
  await panel.getByTestId("compare-button").click();

  const changed = panel.locator('[data-testid="compare-entry"][data-id="amount_check"]');
  await expect(changed).toHaveAttribute("data-status", "changed");
  const field = changed.locator('[data-testid="compare-field"][data-path="config.branches.0.condition"]');
  await expect(field).toContainText("branches › #1 › condition");
  await expect(field).toContainText("“$input.amount > 1000 or $nodes.classify.object.unusual = true”");
  await expect(field).toContainText("→“$input.amount > 500”");
  await expect(panel.locator('[data-testid="compare-entry"][data-id="end_rejected"]')).toHaveAttribute("data-status", "removed");
  // A removed connection is named by the steps it joined, though neither end is selectable now.
  await expect(panel.getByTestId("compare-entry").filter({ hasText: "Tell the employee: rejected → Rejected" })).toHaveAttribute("data-status", "removed");

  // On the canvas: the changed node is outlined, the removed one drawn where it was.
  await fitView(page);
  await expect(page.getByTestId("node-amount_check")).toHaveAttribute("data-compare", "changed");
  await expect(page.locator('[data-testid="compare-ghost"][data-id="end_rejected"]')).toBeVisible();
  await expect(page.locator('[data-testid="compare-ghost"][data-id="end_rejected"]')).toContainText("Rejected");
  await shoot(page, "compare", DESKTOP);

  await page.setViewportSize(PHONE);
  await expect(panel).toBeVisible();
  await shoot(page, "compare", PHONE);

  // Closing the panel clears the highlights.
  await page.setViewportSize(DESKTOP);
  await page.getByRole("button", { name: "Close versions" }).click();
  await expect(page.getByTestId("node-amount_check")).not.toHaveAttribute("data-compare", /.+/);
  await expect(page.getByTestId("compare-ghost")).toHaveCount(0);
});
