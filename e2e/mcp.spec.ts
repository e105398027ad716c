// A designer publishes a workflow, marks it "Available to AI assistants" in the workflow settings,
// creates an API key in settings, and an outside assistant (the MCP SDK's client, over HTTP)
// lists the workflow as a tool at /api/mcp and runs it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { demoUser, signIn } from "./helpers";

test("a workflow marked available to AI assistants is listed and run over /api/mcp with a key made in the UI", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const designer = demoUser("designer");
  await signIn(page, designer.email, designer.password);
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 60_000 });
  const stamp = Date.now();
  const workflowId = await createWorkflow(page, `MCP expense ${stamp}`, "expense-approval", { timeout: 60_000 });

  await page.getByTestId("publish-button").click();
  await page.getByTestId("publish-notes").fill("For assistants");
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByText("v1 live")).toBeVisible();

  await page.getByTestId("settings-button").click();
  const toggle = page.getByTestId("available-to-ai");
  await expect(toggle).not.toBeChecked();
  // Keyboard: focus the switch and press Space.
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("ai-availability")).toContainText("AI assistants can now run the published version.");
  await expect(toggle).toBeChecked();
  await page.getByTestId("ai-availability").scrollIntoViewIfNeeded();
  await expect(page.getByText("Published version 1.")).toBeHidden({ timeout: 15_000 });
  await page.getByTestId("ai-availability").screenshot({ path: "/tmp/mcp-settings.png" });
  await page.screenshot({ path: "/tmp/mcp-settings-page.png" });

  // Kept after a reload.
  await page.reload();
  await page.getByTestId("settings-button").click();
  await expect(page.getByTestId("available-to-ai")).toBeChecked();

  await page.goto("/settings/api-keys");
  await page.getByTestId("create-api-key").click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByTestId("api-key-name").fill(`Assistant ${stamp}`);
  await dialog.getByTestId("api-key-submit").click();
  const secret = dialog.getByTestId("api-key-secret");
  await expect(secret).toHaveText(/^sy_live_/);
  const key = (await secret.textContent())!;
  await dialog.getByTestId("api-key-done").click();

  // The assistant's side: the MCP SDK's client over HTTP.
  const client = new Client({ name: "e2e-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseURL}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  try {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === `mcp_expense_${stamp}`);
    expect(tool, `tools: ${tools.map((t) => t.name).join(", ")}`).toBeTruthy();
    expect(tool!.inputSchema.required).toEqual(expect.arrayContaining(["employee", "amount"]));
    const result = await client.callTool({ name: tool!.name, arguments: { employee: "sam@example.com", amount: 12, currency: "EUR", description: "Train ticket" } });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { runId: string; status: string };
    expect(structured.status).toBe("completed");
    await page.goto(`/workflows/${workflowId}/runs`);
    await expect(page.locator(`[data-testid="run-row"][data-run-id="${structured.runId}"]`)).toHaveAttribute("data-status", "completed");
  } finally {
    await client.close();
  }

  const unauthorized = await fetch(`${baseURL}/api/mcp`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(unauthorized.status).toBe(401);

  await page.goto("/settings/api-keys/docs#mcp");
  await expect(page.getByTestId("api-doc-mcp")).toContainText("/api/mcp");
  await page.getByTestId("api-doc-mcp").screenshot({ path: "/tmp/mcp-docs.png" });
});
