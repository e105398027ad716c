// Watching runs: the run page follows a run live, a step opens to its output, a failed run is
// retried from the failed step in the browser, the runs list filters by status, and people
// without access get 404. Runs are started from the runs list's "Start a run" dialog.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "/tmp/runs-shots";

// A local HTTP server the app's HTTP action calls: it refuses orders until the test fixes it.
let healthy = false;
let server: http.Server;
let serverUrl = "";

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(healthy ? 200 : 409, { "content-type": "application/json" });
    res.end(JSON.stringify(healthy ? { status: "shipped", path: req.url } : { error: "order locked" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const node = (id: string, type: string, title: string, config: Record<string, unknown>, x: number) => ({ id, type, position: { x, y: 0 }, data: { title, config } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

function liveWorkflow(name: string) {
  return {
    format: "switchyard.workflow",
    formatVersion: 1,
    name,
    nodes: [
      node("start", "start", "Start", { fields: [{ name: "order", type: "number", required: true }] }, 0),
      node("prep", "set", "Prepare order", { assignments: [{ variable: "label", expression: "'order-' & $string($.order)" }] }, 240),
      node("pause", "timer", "Short pause", { mode: "delay", delaySeconds: 6 }, 480),
      node("end", "end", "Done", { outputMapping: [{ key: "label", expression: "$vars.label" }] }, 720),
    ],
    edges: [edge("start", "prep"), edge("prep", "pause"), edge("pause", "end")],
  };
}

function flakyWorkflow(name: string) {
  return {
    format: "switchyard.workflow",
    formatVersion: 1,
    name,
    nodes: [
      node("start", "start", "Start", { fields: [{ name: "order", type: "number", required: true }] }, 0),
      node("prep", "set", "Prepare order", { assignments: [{ variable: "order", expression: "$.order" }] }, 240),
      node("fetch", "action", "Fetch order", { method: "GET", url: `${serverUrl}/orders/{{ order }}`, headers: [], body: "", timeoutMs: 5_000, retries: 0 }, 480),
      node("end", "end", "Done", { outputMapping: [{ key: "status", expression: "$.body.status" }] }, 720),
    ],
    edges: [edge("start", "prep"), edge("prep", "fetch"), edge("fetch", "end")],
  };
}

/** Imports a workflow file through the workflows page; returns the new workflow's id. */
async function importWorkflow(page: Page, file: { name: string }): Promise<string> {
  await page.goto("/workflows");
  await page.getByTestId("import-file-input").setInputFiles({ name: "workflow.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText(`Imported "${file.name}".`)).toBeVisible();
  await page.reload();
  const href = await page.getByTestId(`workflow-row-${file.name}`).getByRole("link", { name: file.name }).getAttribute("href");
  const id = href?.match(/\/workflows\/([a-f0-9]{24})$/)?.[1];
  if (!id) throw new Error(`No link to the imported workflow (${href})`);
  return id;
}

/** Starts a test run of the draft from the runs list's "Start a run" dialog; returns the run id. */
async function startTestRun(page: Page, workflowId: string, input: Record<string, string | number>): Promise<string> {
  await page.goto(`/workflows/${workflowId}/runs`);
  await page.getByTestId("start-run").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  for (const [name, value] of Object.entries(input)) await dialog.getByTestId(`run-input-${name}`).fill(String(value));
  await dialog.getByTestId("run-confirm").click();
  await expect(page).toHaveURL(/\/runs\/[a-f0-9]{24}$/);
  return page.url().match(/\/runs\/([a-f0-9]{24})$/)![1];
}

async function screenshots(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${SHOTS}/${name}-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe.configure({ mode: "serial" });

let flakyId = "";
let flakyRunId = "";

test("a designer watches a test run succeed live and opens a step's output", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signInAs(page, "designer");
  const workflowId = await importWorkflow(page, liveWorkflow("Live run journey"));
  await startTestRun(page, workflowId, { order: 42 });

  await expect(page.getByRole("heading", { name: "Live run journey" })).toBeVisible();
  await expect(page.getByText("Test run of draft")).toBeVisible();
  // The timer keeps the run going for 6 s: it is watched, not found finished.
  await expect(page.getByTestId("run-status").first()).not.toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("live-indicator")).toBeVisible();
  await expect(page.getByTestId("run-waiting")).toContainText("Short pause: Timer until");
  await screenshots(page, "run-live");

  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  await expect(page.getByTestId("run-timeline")).toContainText("Run succeeded");
  await expect(page.getByTestId("live-indicator")).toHaveCount(0);
  await expect(page.getByTestId("run-output")).toContainText('"order-42"');

  const step = page.getByTestId("run-step").filter({ hasText: "Prepare order" });
  const toggle = step.getByRole("button", { name: /Prepare order/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(step.getByRole("group", { name: "Input of Prepare order" })).toContainText("42");
  await expect(step.getByRole("group", { name: "Output of Prepare order" })).toBeVisible();
  await screenshots(page, "run-succeeded");
});

test("a failed run shows its error, and Retry continues it from the failed step", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  healthy = false;
  await signInAs(page, "designer");
  flakyId = await importWorkflow(page, flakyWorkflow("Flaky fetch journey"));
  flakyRunId = await startTestRun(page, flakyId, { order: 7 });

  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
  await expect(page.getByTestId("run-error")).toContainText("Fetch order");
  await expect(page.getByTestId("run-error")).toContainText("409");
  const failedStep = page.getByTestId("run-step").filter({ hasText: "Fetch order" });
  await failedStep.getByRole("button").click();
  await expect(failedStep.getByTestId("step-error")).toContainText("409");
  await screenshots(page, "run-failed");

  healthy = true;
  await page.getByTestId("retry-run").click();
  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  await expect(page.getByTestId("run-timeline")).toContainText("Retried from Fetch order");
  await expect(page.getByTestId("run-timeline")).toContainText("Run succeeded");
  await expect(page.getByTestId("run-error")).toHaveCount(0);
  await expect(page.getByTestId("retry-run")).toHaveCount(0);
  // "Prepare order" ran once; "Fetch order" twice (the failed attempt and the retry).
  await expect(page.getByTestId("run-step").filter({ hasText: "Prepare order" })).toHaveCount(1);
  await expect(page.getByTestId("run-step").filter({ hasText: "Fetch order" })).toHaveCount(2);
  await expect(page.getByTestId("run-output")).toContainText('"shipped"');
  await screenshots(page, "run-retried");
});

test("the runs list filters by status, in the URL", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  healthy = false;
  await signInAs(page, "designer");
  const failing = await startTestRun(page, flakyId, { order: 8 });
  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "failed", { timeout: 20_000 });

  await page.goto("/workflows");
  await page.getByTestId("workflow-row-Flaky fetch journey").getByTestId("workflow-row-menu").click();
  await page.getByRole("menuitem", { name: "Runs" }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${flakyId}/runs$`));
  await expect(page.getByRole("heading", { name: "Runs of Flaky fetch journey" })).toBeVisible();
  await expect(page.getByTestId("run-row")).toHaveCount(2);

  // Input that fails the start node's fields is refused beside the input; nothing starts.
  await page.getByTestId("start-run").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  await dialog.getByTestId("run-input-order").fill("seven");
  await dialog.getByTestId("run-confirm").click();
  await expect(dialog.getByTestId("field-error")).toContainText("order must be a number");
  await expect(dialog.getByTestId("run-input-order")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByTestId("run-input-order").fill("");
  await dialog.getByTestId("run-confirm").click();
  await expect(dialog.getByTestId("field-error")).toContainText("order is required");
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByTestId("run-row")).toHaveCount(2);

  await page.getByTestId("run-status-filter").getByRole("link", { name: "Failed" }).click();
  await expect(page).toHaveURL(/\?status=failed$/);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(page.getByTestId("run-row")).toHaveAttribute("data-run-id", failing);
  await screenshots(page, "runs-failed-filter");

  await page.goto(`/workflows/${flakyId}/runs?status=completed`);
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(page.getByTestId("run-row")).toHaveAttribute("data-run-id", flakyRunId);

  await page.goto(`/workflows/${flakyId}/runs?status=exploded`);
  await expect(page.getByTestId("filter-problem")).toContainText("“exploded” is not a run status");
  await expect(page.getByTestId("run-row")).toHaveCount(2);

  await page.goto(`/workflows/${flakyId}/runs?status=cancelled`);
  await expect(page.getByText("No cancelled runs.")).toBeVisible();

  await page.goto(`/workflows/${flakyId}/runs`);
  await screenshots(page, "runs-list");
  await page.getByTestId("run-row").filter({ has: page.locator(`[data-status="completed"]`) }).getByRole("link", { name: /Open the run/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${flakyRunId}$`));
});

test("someone the workflow is not shared with gets 404 for its runs", async ({ page }) => {
  expect(flakyRunId, "runs after the journeys above, which start the run").not.toBe("");
  await signInAs(page, "approver");
  const runPage = await page.goto(`/runs/${flakyRunId}`);
  expect(runPage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const missing = await page.goto("/runs/0123456789abcdef01234567");
  expect(missing?.status()).toBe(404);
  expect((await page.goto("/runs/not-a-run-id"))?.status()).toBe(404);
  // The workflow's layout refuses before any loading boundary streams: a real 404.
  expect((await page.goto(`/workflows/${flakyId}/runs`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByTestId("runs-table")).toHaveCount(0);
  const events = await page.request.get(`/api/runs/${flakyRunId}/events`);
  expect(events.status()).toBe(404);
  await screenshots(page, "run-not-found");
});
