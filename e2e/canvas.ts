// Helpers for driving the workflow designer's canvas: creating a workflow, dropping nodes from the
// palette, drawing connections between handles, reading positions and filling inspector fields.
import { expect, type Locator, type Page } from "@playwright/test";

/** `timeout`: how long the new canvas may take to show its nodes (a loaded machine needs more than the default). */
export async function createWorkflow(page: Page, name: string, template = "blank", options: { timeout?: number } = {}): Promise<string> {
  await page.goto("/workflows");
  await page.getByTestId("new-workflow").click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByTestId(`template-card-${template}`).click();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[a-f0-9]{24}$/, options);
  await expect(page.locator(".react-flow__node").first()).toBeVisible(options);
  return new URL(page.url()).pathname.split("/").pop()!;
}

export const canvasNodes = (page: Page) => page.locator(".react-flow__node");
export const canvasEdges = (page: Page) => page.locator(".react-flow__edge");
export const inspector = (page: Page) => page.getByTestId("inspector");

export async function nodeIds(page: Page): Promise<string[]> {
  return canvasNodes(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id") ?? ""));
}

/** Drags a palette item onto the canvas at a point relative to the canvas; the new node's id. */
export async function dropNode(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await nodeIds(page);
  await page.getByTestId(`palette-item-${type}`).dragTo(page.getByTestId("canvas"), { targetPosition: at });
  await expect(canvasNodes(page)).toHaveCount(before.length + 1);
  const id = (await nodeIds(page)).find((n) => !before.includes(n));
  if (!id) throw new Error(`No new ${type} node appeared`);
  // The new node is selected and shown in the inspector; Escape clears that for the next step.
  await expect(page.locator(`.react-flow__node[data-id="${id}"]`)).toHaveClass(/selected/);
  await page.keyboard.press("Escape");
  await expect(inspector(page)).toBeHidden();
  return id;
}

/** A point relative to the canvas, as fractions of its size. */
export async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = (await page.getByTestId("canvas").boundingBox())!;
  return { x: Math.round(box.width * fx), y: Math.round(box.height * fy) };
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("Not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export const handle = (page: Page, nodeId: string, handleId: string, kind: "source" | "target") =>
  page.locator(`.react-flow__handle.${kind}[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);

export const edgeBetween = (page: Page, source: string, target: string) =>
  page.locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`);

/** Draws a connection with the mouse: from an output handle to a node's input handle. */
export async function connect(page: Page, source: string, sourceHandle: string, target: string) {
  const before = await canvasEdges(page).count();
  const from = await centre(handle(page, source, sourceHandle, "source"));
  const to = await centre(handle(page, target, "in", "target"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(canvasEdges(page)).toHaveCount(before + 1);
  await expect(edgeBetween(page, source, target)).toBeAttached();
}

/** Drags a node by its title bar by (dx, dy) screen pixels. */
export async function dragNode(page: Page, nodeId: string, dx: number, dy: number) {
  const box = (await page.getByTestId(`node-${nodeId}`).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 16;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/** A node's position on the canvas (flow coordinates), read from React Flow's transform. */
export async function nodePosition(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).evaluate((n) => (n as HTMLElement).style.transform);
  const match = transform.match(/translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/);
  if (!match) throw new Error(`No position in "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

export async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  const out: Record<string, { x: number; y: number }> = {};
  for (const id of await nodeIds(page)) out[id] = await nodePosition(page, id);
  return out;
}

/**
 * Fits the whole workflow into view. The canvas renders only what is in view, and focusing a
 * problem or opening the inspector changes the view, so do this before counting or clicking.
 */
export async function fitView(page: Page) {
  await expect(canvasNodes(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Fit View" }).click();
}

/** Selects a node by clicking it (after fitting the view); the inspector then shows it. */
export async function openNode(page: Page, nodeId: string) {
  await fitView(page);
  await page.getByTestId(`node-${nodeId}`).click();
  await expect(inspector(page).getByText(`Id ${nodeId}`)).toBeVisible();
}

/** The input, textarea or select of the config field at a dotted path. */
export const configInput = (page: Page, path: string) =>
  inspector(page).locator(`[data-field="${path}"]`).locator("input, textarea, select").first();

export async function waitForSave(page: Page) {
  await expect(page.getByTestId("save-indicator")).toHaveAttribute("data-status", "saved");
}

/** Runs the expense-approval template once from the canvas with a small claim, and waits for it to succeed. */
export async function runExpenseClaim(page: Page) {
  // The banner of an earlier run may still say "completed": wait for this run's own banner.
  const open = page.getByTestId("run-banner-open");
  const earlier = (await open.count()) > 0 ? await open.getAttribute("href") : null;
  await page.getByTestId("run-button").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  await dialog.getByTestId("run-input-employee").fill("sam@example.com");
  await dialog.getByTestId("run-input-amount").fill("42.5");
  await dialog.getByTestId("run-input-currency").fill("EUR");
  await dialog.getByTestId("run-input-description").fill("Taxi to the airport");
  await dialog.getByTestId("run-confirm").click();
  if (earlier) await expect(open).not.toHaveAttribute("href", earlier, { timeout: 30_000 });
  await expect(page.getByTestId("run-banner")).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
}
