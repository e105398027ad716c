// A designer adds an agent step with an HTTP tool (the app's own API reference) to a blank
// workflow, runs it with the simulated provider, and reads on the run page's transcript which
// tool the agent called, with what, and what came back. A second journey drafts an agent
// workflow from a sentence, fixes the tool address the problems list flags, publishes and runs it.
import { expect, test } from "@playwright/test";
import { canvasPoint, configInput, connect, createWorkflow, dropNode, edgeBetween, fitView, inspector, openNode, waitForSave } from "./canvas";
import { signInAs } from "./helpers";

test("a designer adds an agent step with an HTTP tool, runs it, and the run page shows the tool call", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs(page, "designer");
  await createWorkflow(page, `Agent ${testInfo.workerIndex}-${Date.now()}`, "blank", { timeout: 30_000 });

  await page.getByTestId("rf__edge-e_start_end").click();
  await page.keyboard.press("Delete");
  await expect(edgeBetween(page, "start", "end")).toHaveCount(0);
  const agent = await dropNode(page, "agent", await canvasPoint(page, 0.5, 0.3));
  await connect(page, "start", "out", agent);
  await connect(page, agent, "out", "end");

  await openNode(page, agent);
  await configInput(page, "goal").fill("Find how to start a run in the Switchyard API reference");
  await inspector(page).getByRole("button", { name: "Add tool" }).click();
  await configInput(page, "tools.0.name").fill("read_api_reference");
  await configInput(page, "tools.0.description").fill("Reads the Switchyard API reference: paths and what they take");
  await configInput(page, "tools.0.parameters").fill('{"type":"object","properties":{"topic":{"type":"string"}}}');
  await configInput(page, "tools.0.url").fill(`${baseURL}/api/v1/openapi.json`);
  await configInput(page, "tools.0.timeoutMs").fill("20000");
  await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-errors", "0");
  await page.screenshot({ path: "/tmp/agent-inspector.png" });
  await page.keyboard.press("Escape");
  await waitForSave(page);

  await page.getByTestId("run-button").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  await dialog.getByTestId("run-confirm").click();
  const banner = page.getByTestId("run-banner");
  await expect(banner).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await page.getByTestId("run-banner-open").click();
  await expect(page).toHaveURL(/\/runs\/[a-f0-9]{24}$/);

  const transcript = page.getByTestId("agent-transcript");
  await expect(transcript).toBeVisible();
  await expect(transcript.getByRole("heading", { name: /Agent transcript/ })).toBeVisible();
  const call = transcript.locator('[data-testid="transcript-tool"][data-tool="read_api_reference"]');
  await expect(call).toHaveAttribute("data-failed", "false");
  await expect(call).toContainText("HTTP GET");
  await expect(call).toContainText('"topic"');
  await expect(call).toContainText("HTTP 200");
  await expect(call).toContainText("openapi");
  await expect(transcript.getByTestId("transcript-model")).toHaveCount(2);
  await expect(transcript.getByTestId("transcript-model").last()).toContainText("I checked with read_api_reference");
  await expect(page.getByTestId("run-timeline")).toContainText("tool read_api_reference answered");
  await transcript.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/agent-transcript.png", fullPage: true });
});

test("a designer drafts an agent workflow from a sentence, fixes its tool's address, publishes, and the run page shows the tool call", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const designer = await signInAs(page, "designer");
  await page.goto("/workflows");
  await page.getByTestId("draft-workflow").click();
  const dialog = page.getByRole("dialog", { name: "Draft a workflow with AI" });
  await dialog.getByTestId("draft-prompt").fill("An AI agent looks up each request with a tool");
  await dialog.getByTestId("draft-submit").click();
  await expect(dialog.getByTestId("draft-preview")).toContainText("3 steps: Start → Look it up with a tool → Done");
  await expect(dialog.getByTestId("draft-problem-count")).toHaveText("No errors, 1 to review: the canvas lists them.");
  await dialog.getByTestId("draft-open").click();

  // The problems list flags the tool's placeholder address; fixing it clears the warning.
  await expect(page).toHaveURL(/\/workflows\/[a-f0-9]{24}\?draft=[a-f0-9]{24}$/);
  await fitView(page);
  const flagged = page.getByTestId("problem-item").and(page.locator('[data-code="needs-review"]'));
  await expect(flagged).toHaveAttribute("data-node-id", "agent_step");
  await expect(flagged).toContainText("is a placeholder");
  await flagged.click();
  await configInput(page, "tools.0.url").fill(`${baseURL}/api/v1/openapi.json`);
  await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-warnings", "0");
  await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-errors", "0");
  await page.keyboard.press("Escape");
  await waitForSave(page);

  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByText("v1 live")).toBeVisible();
  await page.getByTestId("run-button").click();
  const run = page.getByRole("dialog", { name: "Run this workflow" });
  await run.getByText("Version 1").click(); // the radio itself is visually hidden behind its label
  await run.getByTestId("run-input-requester").fill(designer.email);
  await run.getByTestId("run-input-details").fill("How do I start a run through the REST API?");
  await run.getByTestId("run-confirm").click();
  const banner = page.getByTestId("run-banner");
  await expect(banner).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await page.getByTestId("run-banner-open").click();
  await expect(page).toHaveURL(/\/runs\/[a-f0-9]{24}$/);

  const transcript = page.getByTestId("agent-transcript");
  const call = transcript.locator('[data-testid="transcript-tool"][data-tool="look_up"]');
  await expect(call).toHaveAttribute("data-failed", "false");
  await expect(call).toContainText("HTTP 200");
  await expect(call).toContainText("openapi");
  await expect(transcript.getByTestId("transcript-model").last()).toContainText("I checked with look_up");
  await transcript.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/draft-agent-transcript.png", fullPage: true });
});
