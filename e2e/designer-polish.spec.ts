// The designer as a new user first sees it, at 1440×900 and on a phone (390×844): the palette
// with names, an inspector that holds a long expression without spilling over, the minimap
// beside the inspector, choices shown by their names, an AI step whose model does not fit its
// provider marked at once, a decision's condition help, and pages that never scroll sideways.
// Screenshots go to /tmp/ui-shots for a person to look at.
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { configInput, createWorkflow, inspector, openNode, runExpenseClaim } from "./canvas";
import { signInAs } from "./helpers";

const SHOTS = "/tmp/ui-shots";
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The page's own width beyond the window: > 0 means it scrolls sideways. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A 300-character condition with long runs of text and no break, as people paste them. */
const LONG_EXPRESSION = `$input.amount > 1000 and ${"$nodes.classify.object.category=\"travel\"and".repeat(8)}`.slice(0, 300);

test("the palette shows names on first load, and collapsing it is remembered", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "designer");
  await createWorkflow(page, `Palette ${Date.now()}`, "content-review");
  const palette = page.getByTestId("palette");
  await expect(palette).toHaveAttribute("data-expanded", "true");
  await expect(page.getByTestId("palette-item-decision")).toContainText("Decision");
  await expect(page.getByTestId("palette-item-ai")).toContainText("AI");
  await page.screenshot({ path: `${SHOTS}/canvas-1440.png` });

  await page.getByTestId("palette-toggle").click();
  await expect(palette).toHaveAttribute("data-expanded", "false");
  await page.reload();
  await expect(page.getByTestId("palette")).toHaveAttribute("data-expanded", "false");
  await expect(page.getByTestId("palette-item-decision")).not.toContainText("Decision");
});

test("the inspector holds a 300-character expression without spilling over, and the minimap stays in view", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "designer");
  await createWorkflow(page, `Long expression ${Date.now()}`, "expense-approval");
  await openNode(page, "amount_check");
  const condition = configInput(page, "branches.0.condition");
  await condition.fill(LONG_EXPRESSION);
  await expect(condition).toHaveValue(LONG_EXPRESSION);

  const panel = inspector(page);
  const { scrollWidth, clientWidth } = await panel.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const panelBox = (await panel.boundingBox())!;
  const fieldBox = (await condition.boundingBox())!;
  expect(fieldBox.x + fieldBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
  expect(fieldBox.height).toBeGreaterThan(40); // it wrapped onto several lines

  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  const mapBox = (await minimap.boundingBox())!;
  expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(panelBox.x); // beside the panel, not under it
  await page.screenshot({ path: `${SHOTS}/inspector-long-expression-1440.png` });
});

test("an AI step shows its provider by name, and a model of another provider is a problem on the node until fixed", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "designer");
  await createWorkflow(page, `AI provider ${Date.now()}`, "content-review");
  await openNode(page, "draft");
  const provider = inspector(page).getByLabel("Provider", { exact: true });
  const model = inspector(page).getByLabel("Model", { exact: true });
  await expect(provider.locator("option:checked")).toHaveText("Simulated (offline)");
  await expect(provider.locator("option[value='openai-compatible']")).toHaveText("OpenAI-compatible");
  await expect(inspector(page).getByText("no key, no cost")).toBeVisible();

  await provider.selectOption("openai");
  const modelField = inspector(page).locator('[data-field="model"]');
  await expect(modelField.getByTestId("field-error")).toContainText('Model "simulated" belongs to Simulated (offline), not OpenAI');
  await expect(page.getByTestId("node-marker-draft")).toBeVisible();
  await expect(page.getByTestId("publish-button")).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/ai-model-mismatch-1440.png` });

  // The model list follows the provider; picking one of its models clears the problem.
  await expect(model.locator("option")).toContainText(["gpt-4o-mini"]);
  await model.selectOption("gpt-4o-mini");
  await expect(modelField.getByTestId("field-error")).toHaveCount(0);
  await expect(page.getByTestId("node-marker-draft")).toHaveCount(0);

  // An OpenAI-compatible server takes a model id of one's own.
  await provider.selectOption("openai-compatible");
  await model.selectOption({ label: "Other…" });
  const own = inspector(page).getByLabel("Model of your own");
  await own.fill("my-finetune-7b");
  await expect(own).toHaveValue("my-finetune-7b");
  await expect(modelField.getByTestId("field-error")).toHaveCount(0);
});

test("a decision says what names mean at that node and warns on a bare name the data flowing in lacks", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, "designer");
  await createWorkflow(page, `Decision help ${Date.now()}`, "expense-approval");

  // One run, so the decision knows what actually flowed into it.
  await runExpenseClaim(page);

  await openNode(page, "amount_check");
  const help = page.getByTestId("decision-scope");
  await expect(help.getByTestId("scope-bare")).toContainText("the data coming from “Classify the claim”");
  await expect(help.getByTestId("scope-bare")).toContainText("in the latest run");
  await expect(help).toContainText("$input.…: the run's input (employee, amount, currency");
  await expect(help.getByTestId("condition-warning")).toHaveCount(0); // the template's condition uses $input

  await configInput(page, "branches.0.condition").fill("amount > 1000");
  await expect(help.getByTestId("condition-warning")).toContainText("“amount” is not a field of the data coming from “Classify the claim”");
  await expect(help.getByTestId("condition-warning")).toContainText("write $input.amount");
  await page.screenshot({ path: `${SHOTS}/decision-help-and-run-banner-1440.png` });

  await configInput(page, "branches.0.condition").fill("$input.amount > 1000");
  await expect(help.getByTestId("condition-warning")).toHaveCount(0);
});

test("on a phone the workflows list and the canvas do not scroll sideways", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "designer");
  await createWorkflow(page, `Phone ${Date.now()}`, "content-review");
  await expect(page.getByTestId("palette")).toHaveAttribute("data-expanded", "false"); // the rail leaves the canvas room
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/canvas-390.png` });
  await page.locator(".react-flow__node-ai").first().click();
  await expect(inspector(page)).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/inspector-390.png` });

  await page.goto("/workflows");
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/workflows-390.png` });

  await page.setViewportSize(DESKTOP);
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/workflows-1440.png` });
});
