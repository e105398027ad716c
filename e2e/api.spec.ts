// A designer creates a personal API key in settings (shown once), starts a run with it from
// outside the browser over /api/v1, sees the run on the workflow's runs list and the key's last
// use, reads the API reference, then revokes the key and gets 401.
import { expect, test } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { demoUser, signIn } from "./helpers";

test("a designer starts a run with a personal API key, then revokes the key", async ({ page, baseURL }, testInfo) => {
  // Several steps start cold pages of a fresh server (sign-in, canvas, settings, reference).
  test.setTimeout(180_000);
  const designer = demoUser("designer");
  await signIn(page, designer.email, designer.password);
  // The first sign-in of a fresh server (password hashing, first render) can take a while on a busy machine.
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 60_000 });
  const workflowId = await createWorkflow(page, `API run ${testInfo.workerIndex}-${Date.now()}`, "expense-approval");

  await page.goto("/settings");
  await page.getByTestId("settings-api-keys").click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await page.getByTestId("create-api-key").click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByTestId("api-key-submit").click();
  await expect(dialog.getByText("Give the key a name")).toBeVisible();
  const keyName = `Billing sync ${Date.now()}`;
  await dialog.getByTestId("api-key-name").fill(keyName);
  await dialog.getByTestId("api-key-expiry").selectOption("30");
  await dialog.getByTestId("api-key-submit").click();
  const secret = dialog.getByTestId("api-key-secret");
  await expect(secret).toHaveText(/^sy_live_[A-Za-z0-9_-]{43}$/);
  const key = (await secret.textContent())!;
  await page.screenshot({ path: testInfo.outputPath("api-key-created.png") });
  await dialog.getByTestId("api-key-done").click();
  await expect(dialog).toBeHidden();

  // Shown once: the list has the prefix only, never the key.
  const row = page.getByTestId(`api-key-row-${keyName}`);
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("Never used");
  expect(await page.content()).not.toContain(key);

  // Another program starts a run with the key.
  const api = `${baseURL}/api/v1`;
  const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const refused = await fetch(`${api}/workflows/${workflowId}/runs`, { method: "POST", headers: auth, body: JSON.stringify({ mode: "test", input: { amount: "twelve" } }) });
  expect(refused.status).toBe(422);
  expect((await refused.json()).error.details).toContainEqual(expect.objectContaining({ path: "input.amount" }));

  const started = await fetch(`${api}/workflows/${workflowId}/runs`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ mode: "test", input: { employee: "sam@example.com", amount: 12, currency: "EUR", description: "Train ticket" } }),
  });
  expect(started.status).toBe(201);
  const { runId } = (await started.json()) as { runId: string };
  await expect
    .poll(async () => ((await (await fetch(`${api}/runs/${runId}`, { headers: auth })).json()) as { status: string }).status, { timeout: 20_000 })
    .toBe("completed");

  await page.goto(`/workflows/${workflowId}/runs`);
  const runRow = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await expect(runRow).toHaveAttribute("data-status", "completed");
  await page.screenshot({ path: testInfo.outputPath("api-run-listed.png") });

  // The reference page documents the endpoint with a curl example.
  await page.goto("/settings/api-keys");
  await expect(row).not.toContainText("Never used");
  await page.getByTestId("api-docs-link").click();
  await expect(page.getByTestId("api-doc-startRun")).toContainText("/api/v1/workflows/{id}/runs");
  await expect(page.getByTestId("curl-startRun")).toContainText("Authorization: Bearer $SWITCHYARD_API_KEY");
  const doc = await (await fetch(`${api}/openapi.json`)).json();
  expect(doc.openapi).toBe("3.1.0");

  // Revoked: the next request is refused.
  await page.goto("/settings/api-keys");
  await page.getByTestId(`revoke-${keyName}`).click();
  await page.getByTestId("confirm-revoke").click();
  await expect(row).toHaveAttribute("data-status", "revoked");
  const after = await fetch(`${api}/runs/${runId}`, { headers: auth });
  expect(after.status).toBe(401);
  expect((await after.json()).error).toMatchObject({ code: "unauthorized", message: "This API key was revoked." });
});
