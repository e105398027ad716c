// A designer drafts a workflow from a sentence on the workflows list (Simulated provider,
// offline): the draft opens with every step marked "suggested" and the problems list flags the
// placeholder URL of its HTTP step; the designer points it at a real server (a node:http server
// on 127.0.0.1 started here), rates the draft, publishes and runs it to the end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { canvasNodes, configInput, createWorkflow, fitView, inspector, waitForSave } from "./canvas";
import { signInAs } from "./helpers";

const SENTENCE = "Post each new order to our fulfilment API, summarize it with AI and notify the requester";

test("a designer drafts a workflow from a sentence, fixes what the problems list says, publishes and runs it", async ({ page }) => {
  const received: { method: string; url: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ accepted: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;

  try {
    const designer = await signInAs(page, "designer");
    await page.goto("/workflows");
    await page.getByTestId("draft-workflow").click();
    const dialog = page.getByRole("dialog", { name: "Draft a workflow with AI" });
    await dialog.getByTestId("draft-submit").click();
    await expect(dialog.getByTestId("draft-error")).toContainText("Describe what should happen");

    await dialog.getByTestId("draft-prompt").fill(SENTENCE);
    await dialog.getByTestId("draft-submit").click();
    const preview = dialog.getByTestId("draft-preview");
    await expect(preview).toContainText("5 steps: Start → Call the API → Summarize the request → Tell the requester: done → Done");
    await expect(preview.getByTestId("draft-problem-count")).toHaveText("No errors, 1 to review: the canvas lists them.");
    await page.screenshot({ path: "/tmp/draft-dialog.png" });
    await dialog.getByTestId("draft-open").click();

    await expect(page).toHaveURL(/\/workflows\/[a-f0-9]{24}\?draft=[a-f0-9]{24}$/);
    await fitView(page);
    await expect(canvasNodes(page)).toHaveCount(5);
    await expect(page.locator("[data-suggested]")).toHaveCount(5);
    const banner = page.getByTestId("draft-banner");
    await expect(banner).toContainText("Every step is suggested by AI");
    const flagged = page.getByTestId("problem-item").and(page.locator('[data-code="needs-review"]'));
    await expect(flagged).toHaveAttribute("data-node-id", "call_api");
    await expect(flagged).toContainText("is a placeholder");
    await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-errors", "0");
    await page.screenshot({ path: "/tmp/draft-canvas.png" });

    // The problem takes the designer to the step; filling the URL clears the warning and the mark.
    await flagged.click();
    await expect(inspector(page).getByTestId("inspector-suggested")).toContainText("Suggested by AI — review");
    await configInput(page, "url").fill(endpoint);
    await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-warnings", "0");
    await expect(page.getByTestId("suggested-call_api")).toHaveCount(0);
    await expect(inspector(page).getByTestId("inspector-suggested")).toHaveCount(0);
    await fitView(page); // the problem zoomed in on the step: only nodes in view are drawn
    await expect(page.locator("[data-suggested]")).toHaveCount(4);
    await expect(banner).toContainText("4 of 5 steps are suggested by AI");

    await banner.getByTestId("draft-vote-up").click();
    await expect(banner.getByTestId("draft-vote-up")).toHaveAttribute("aria-pressed", "true");
    await waitForSave(page);

    // Reloaded: the marks were saved with the workflow, and so was the vote.
    await page.reload();
    await fitView(page);
    await expect(canvasNodes(page)).toHaveCount(5);
    await expect(page.locator("[data-suggested]")).toHaveCount(4);
    await expect(banner.getByTestId("draft-vote-up")).toHaveAttribute("aria-pressed", "true");

    // Publishing steps still marked as suggested only warns: the draft validates.
    await page.getByTestId("publish-button").click();
    await expect(page.getByTestId("publish-suggested-warning")).toContainText("4 of 5 steps of this workflow are still suggested by AI");
    await page.getByTestId("publish-confirm").click();
    await expect(page.getByText("v1 live")).toBeVisible();

    await page.getByTestId("run-button").click();
    const run = page.getByRole("dialog", { name: "Run this workflow" });
    await run.getByText("Version 1").click(); // the radio itself is visually hidden behind its label
    await expect(run.getByTestId("run-mode-published")).toBeChecked();
    await run.getByTestId("run-input-requester").fill(designer.email);
    await run.getByTestId("run-input-details").fill("Order 42: two chairs");
    await run.getByTestId("run-confirm").click();
    await expect(page.getByTestId("run-banner")).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
    expect(received).toEqual([expect.objectContaining({ method: "POST", url: "/orders" })]);
    expect(JSON.parse(received[0].body)).toEqual({ requester: designer.email, details: "Order 42: two chairs" });

    await page.getByTestId("confirm-all-suggested").click();
    await fitView(page);
    await expect(page.locator("[data-suggested]")).toHaveCount(0);
    await expect(page.getByTestId("draft-banner")).toHaveCount(0);
    await waitForSave(page);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("a designer drafts onto the blank canvas of a new workflow, and the draft is saved with its marks", async ({ page }) => {
  await signInAs(page, "designer");
  await createWorkflow(page, `Blank then drafted ${Date.now()}`);
  await page.getByTestId("draft-prompt-open").click();
  const panel = page.getByTestId("draft-prompt-panel");
  await panel.getByTestId("draft-prompt").fill("When an expense over 2000 arrives, a manager approves it");
  await panel.getByTestId("draft-submit").click();
  await expect(panel.getByTestId("draft-preview")).toContainText("4 steps: Start → Amount over 2,000? → Approve the request → Done");
  await page.screenshot({ path: "/tmp/draft-empty-canvas.png" });
  await panel.getByTestId("draft-open").click();

  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/\?draft=[a-f0-9]{24}$/);
  await fitView(page);
  await expect(canvasNodes(page)).toHaveCount(4);
  await expect(page.locator("[data-suggested]")).toHaveCount(4);
  await expect(page.getByTestId("problems-panel")).toHaveAttribute("data-errors", "0");
  await waitForSave(page);

  await page.reload();
  await fitView(page);
  await expect(page.locator("[data-suggested]")).toHaveCount(4);
  await page.getByTestId("draft-banner").getByTestId("draft-vote-down").click();
  await expect(page.getByTestId("draft-vote-down")).toHaveAttribute("aria-pressed", "true");
});
