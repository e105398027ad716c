import { expect, test } from "@playwright/test";
import {
  canvasEdges,
  canvasNodes,
  canvasPoint,
  configInput,
  connect,
  createWorkflow,
  dragNode,
  dropNode,
  edgeBetween,
  fitView,
  inspector,
  nodePosition,
  openNode,
  positions,
  waitForSave,
} from "./canvas";
import { demoUser, serverActionId, signInAs } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });

test("a designer builds the expense workflow by drag and drop, fixes its problems, publishes, and finds it intact", async ({ page }) => {
  await signInAs(page, "designer");
  await createWorkflow(page, "Expense claims");
  const problems = page.getByTestId("problems-panel");
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(problems).toHaveAttribute("data-errors", "0");
  await expect(problems).toContainText("Ready to publish");

  // Take the start → end connection apart to put the steps in between.
  await page.getByTestId("rf__edge-e_start_end").click();
  await expect(inspector(page)).toContainText("Connection");
  await page.keyboard.press("Delete");
  await expect(canvasEdges(page)).toHaveCount(0);
  await expect(problems.locator('[data-testid="problem-item"][data-node-id="start"]')).not.toHaveCount(0);

  // Room for four more steps: zoom out a little, then drop them above and below the row.
  await page.getByRole("button", { name: "Zoom Out" }).click();
  await page.getByRole("button", { name: "Zoom Out" }).click();
  const ai = await dropNode(page, "ai", await canvasPoint(page, 0.2, 0.22));
  const decision = await dropNode(page, "decision", await canvasPoint(page, 0.5, 0.22));
  const human = await dropNode(page, "human", await canvasPoint(page, 0.2, 0.78));
  const notify = await dropNode(page, "notification", await canvasPoint(page, 0.5, 0.78));
  await expect(canvasNodes(page)).toHaveCount(6);

  // Unconnected and unconfigured: the problems list says so, and the nodes carry markers.
  await expect(page.getByTestId(`node-marker-${ai}`)).toBeVisible();
  await expect(problems.locator(`[data-testid="problem-item"][data-code="invalid-config"][data-node-id="${ai}"]`)).toBeVisible();
  await expect(problems.locator(`[data-testid="problem-item"][data-code="disconnected"][data-node-id="${notify}"]`)).toBeVisible();
  await expect(page.getByTestId("publish-button")).toBeDisabled();

  await connect(page, "start", "out", ai);
  await connect(page, ai, "out", decision);
  await connect(page, decision, "branch-1", human);
  await connect(page, human, "approve", notify);
  await connect(page, human, "reject", "end");
  await connect(page, notify, "out", "end");
  await expect(problems.locator(`[data-testid="problem-item"][data-code="decision-default-unconnected"]`)).toHaveAttribute("data-node-id", decision);
  await connect(page, decision, "default", notify);
  await expect(problems.locator(`[data-testid="problem-item"][data-code="decision-default-unconnected"]`)).toHaveCount(0);
  await expect(problems.locator('[data-testid="problem-item"][data-code="disconnected"]')).toHaveCount(0);
  await expect(canvasEdges(page)).toHaveCount(7);

  // The start node declares the run's input: an "amount" number.
  await openNode(page, "start");
  await inspector(page).getByRole("button", { name: "Add field" }).click();
  await configInput(page, "fields.0.name").fill("amount");
  await configInput(page, "fields.0.type").selectOption("number");
  await expect(page.getByTestId("node-start")).toContainText("1 input");

  // Choosing a problem selects its node: the AI step needs a prompt.
  await problems.locator(`[data-testid="problem-item"][data-code="invalid-config"][data-node-id="${ai}"]`).first().click();
  await expect(inspector(page).getByText(`Id ${ai}`)).toBeVisible();
  await expect(inspector(page).locator('[data-field="promptTemplate"] [data-testid="field-error"]')).toContainText("Prompt");
  await configInput(page, "promptTemplate").fill("Classify this expense of {{ $input.amount }}: travel, meals, equipment or other?");
  await expect(inspector(page).locator('[data-field="promptTemplate"] [data-testid="field-error"]')).toHaveCount(0);
  await expect(page.getByTestId(`node-marker-${ai}`)).toBeHidden();

  // The decision: a syntax error is flagged as it is typed, then fixed.
  await openNode(page, decision);
  await configInput(page, "branches.0.label").fill("Over 1,000");
  await configInput(page, "branches.0.condition").fill("$input.amount >");
  await expect(inspector(page).getByTestId("expression-error")).toBeVisible();
  await expect(problems.locator(`[data-testid="problem-item"][data-code="expression-syntax"][data-node-id="${decision}"]`)).toBeVisible();
  await configInput(page, "branches.0.condition").fill("$input.amount > 1000");
  await expect(inspector(page).getByTestId("expression-error")).toHaveCount(0);
  await expect(page.getByTestId(`node-${decision}`)).toContainText("$input.amount > 1000");

  await openNode(page, human);
  await page.getByTestId("inspector-title").fill("Manager approval");

  await openNode(page, notify);
  await inspector(page).getByRole("button", { name: "Add recipient" }).click();
  await configInput(page, "recipients.0").fill("finance@example.com");
  await configInput(page, "bodyTemplate").fill("An expense of {{ $input.amount }} was processed.");

  await expect(problems).toHaveAttribute("data-errors", "0");
  await expect(problems).toContainText("Ready to publish");
  for (const id of ["start", ai, decision, human, notify, "end"]) await expect(page.getByTestId(`node-marker-${id}`)).toHaveCount(0);

  await page.keyboard.press("Escape");
  await page.getByTestId("layout-button").click();
  await waitForSave(page);
  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-notes").fill("First version: AI sorting, manager approval over 1,000.");
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByText("v1 live")).toBeVisible();
  await waitForSave(page);
  const laidOut = await positions(page);

  await page.reload();
  await fitView(page);
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(canvasEdges(page)).toHaveCount(7);
  await expect.poll(() => positions(page)).toEqual(laidOut);
  for (const [from, to] of [["start", ai], [ai, decision], [decision, human], [decision, notify], [human, notify], [human, "end"], [notify, "end"]]) {
    await expect(edgeBetween(page, from, to)).toBeAttached();
  }
  await expect(page.getByTestId("problems-panel")).toContainText("Ready to publish");
  await openNode(page, decision);
  await expect(configInput(page, "branches.0.condition")).toHaveValue("$input.amount > 1000");
  await expect(configInput(page, "branches.0.label")).toHaveValue("Over 1,000");
  await openNode(page, notify);
  await expect(configInput(page, "recipients.0")).toHaveValue("finance@example.com");
  await openNode(page, "start");
  await expect(configInput(page, "fields.0.name")).toHaveValue("amount");
  await expect(configInput(page, "fields.0.type")).toHaveValue("number");
  await expect(page.getByTestId(`node-${human}`)).toContainText("Manager approval");

  await page.getByTestId("versions-button").click();
  const versions = page.getByTestId("versions-panel").getByTestId("version-item");
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText("v1");
  await expect(versions.first()).toContainText("First version: AI sorting");
});

test("undo and redo step through adding and moving a node, by button and by keyboard", async ({ page }) => {
  await signInAs(page, "designer");
  await createWorkflow(page, "Undo steps");
  await expect(page.getByTestId("undo-button")).toBeDisabled();
  await expect(page.getByTestId("redo-button")).toBeDisabled();

  const timer = await dropNode(page, "timer", await canvasPoint(page, 0.5, 0.8));
  await expect(canvasNodes(page)).toHaveCount(3);
  const dropped = await nodePosition(page, timer);
  await dragNode(page, timer, 160, -96);
  await expect.poll(() => nodePosition(page, timer)).not.toEqual(dropped);
  const moved = await nodePosition(page, timer);

  await page.getByTestId("undo-button").click();
  await expect.poll(() => nodePosition(page, timer)).toEqual(dropped);
  await expect(canvasNodes(page)).toHaveCount(3);
  await page.getByTestId("undo-button").click();
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(page.getByTestId("undo-button")).toBeDisabled();

  await page.getByTestId("redo-button").click();
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect.poll(() => nodePosition(page, timer)).toEqual(dropped);
  await page.getByTestId("redo-button").click();
  await expect.poll(() => nodePosition(page, timer)).toEqual(moved);
  await expect(page.getByTestId("redo-button")).toBeDisabled();

  // The same steps from the keyboard.
  await page.keyboard.press("Control+z");
  await expect.poll(() => nodePosition(page, timer)).toEqual(dropped);
  await page.keyboard.press("Control+z");
  await expect(canvasNodes(page)).toHaveCount(2);
  await page.keyboard.press("Control+Shift+z");
  await expect(canvasNodes(page)).toHaveCount(3);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => nodePosition(page, timer)).toEqual(moved);

  // What is saved is what is shown.
  await waitForSave(page);
  await page.reload();
  await expect(canvasNodes(page)).toHaveCount(3);
  expect(await nodePosition(page, timer)).toEqual(moved);
});

test("a viewer sees the workflow read-only, and the server refuses their save", async ({ page, browser }) => {
  await signInAs(page, "designer");
  const name = `Shared for review ${Date.now().toString(36)}`;
  const id = await createWorkflow(page, name, "expense-approval");
  const approver = demoUser("approver");
  await page.goto("/workflows");
  await page.getByTestId(`workflow-row-${name}`).getByTestId("workflow-row-menu").click();
  await page.getByRole("menuitem", { name: "Share…" }).click();
  const share = page.getByRole("dialog", { name: `Share “${name}”` });
  await share.getByLabel("Email").fill(approver.email);
  await share.getByLabel("Role", { exact: true }).selectOption("viewers");
  await share.getByRole("button", { name: "Add" }).click();
  await share.getByRole("button", { name: "Save sharing" }).click();
  await expect(share).toBeHidden();

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const viewer = await context.newPage();
  await signInAs(viewer, "approver");
  await viewer.goto("/workflows");
  await viewer.getByRole("link", { name, exact: true }).click();
  await expect(viewer).toHaveURL(new RegExp(`/workflows/${id}$`));
  await expect(viewer.getByTestId("read-only-badge")).toBeVisible();
  await expect(canvasNodes(viewer)).toHaveCount(8);
  await expect(viewer.getByTestId("palette")).toHaveCount(0);
  await expect(viewer.getByTestId("publish-button")).toHaveCount(0);
  await expect(viewer.getByTestId("undo-button")).toHaveCount(0);

  const before = await nodePosition(viewer, "classify");
  await dragNode(viewer, "classify", 120, 80);
  expect(await nodePosition(viewer, "classify")).toEqual(before);

  await openNode(viewer, "classify");
  await expect(inspector(viewer)).toHaveAttribute("data-read-only", "true");
  await expect(viewer.getByTestId("inspector-title")).toBeDisabled();
  await expect(configInput(viewer, "promptTemplate")).toBeDisabled();
  await viewer.keyboard.press("Delete");
  await expect(viewer.getByTestId("node-classify")).toBeVisible();
  await fitView(viewer);
  await expect(canvasNodes(viewer)).toHaveCount(8);

  // A tampering client calls the save action directly: refused, nothing changes.
  const actionId = await serverActionId(viewer, "saveGraphAction");
  const reply = await viewer.request.post(`/workflows/${id}`, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ id, revision: 1, nodes: [], edges: [] }]),
  });
  expect(await reply.text()).toContain("You can view this workflow but not change it.");
  await context.close();

  await page.goto(`/workflows/${id}`);
  await fitView(page);
  await expect(canvasNodes(page)).toHaveCount(8);
});

test("a save based on a stale revision shows the conflict, and reloading theirs shows the other change", async ({ page, context }) => {
  await signInAs(page, "designer");
  const id = await createWorkflow(page, "Two tabs");
  const second = await context.newPage();
  await second.goto(`/workflows/${id}`);
  await expect(canvasNodes(second)).toHaveCount(2);

  // The first tab adds a timer and saves it.
  const timer = await dropNode(page, "timer", await canvasPoint(page, 0.4, 0.8));
  await waitForSave(page);

  // The second tab, still on the old revision, adds something else: its save is refused.
  const setter = await dropNode(second, "set", await canvasPoint(second, 0.6, 0.2));
  await expect(second.getByTestId("save-indicator")).toHaveAttribute("data-status", "conflict");
  const dialog = second.getByRole("dialog", { name: "Someone else saved a newer version" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("conflict-summary")).toContainText(/added/i);

  await dialog.getByRole("button", { name: "Reload theirs" }).click();
  await expect(dialog).toBeHidden();
  // Adding the set node panned this tab to keep it clear of the inspector; the canvas renders
  // only what is in view, so show everything before looking for the other tab's timer.
  await fitView(second);
  await expect(second.getByTestId(`node-${timer}`)).toBeVisible();
  await expect(second.getByTestId(`node-${setter}`)).toHaveCount(0);
  await expect(canvasNodes(second)).toHaveCount(3);
  await expect(second.getByTestId("save-indicator")).toHaveAttribute("data-status", "saved");

  // Both tabs now build on the same revision: the next change saves without a conflict.
  await dragNode(second, timer, 0, -64);
  await waitForSave(second);
});
