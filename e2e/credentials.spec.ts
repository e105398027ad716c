// A designer creates a credential from the HTTP step's picker (in place, without leaving the
// canvas), runs the workflow, and the authenticated request succeeds against a server this test
// starts on 127.0.0.1, which checks the Authorization header.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { configInput, connect, createWorkflow, dropNode, canvasPoint, inspector, openNode, waitForSave } from "./canvas";
import { demoUser, signIn } from "./helpers";

const TOKEN = `e2e-token-${Date.now()}`;
let server: http.Server;
let url = "";
const seen: (string | undefined)[] = [];

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    const ok = req.headers.authorization === `Bearer ${TOKEN}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? { greeting: "hello, authenticated" } : { error: "unauthorised" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whoami`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Signs the demo designer in; the first sign-in of a fresh server can take a while on a loaded machine. */
async function signInDesigner(page: Page) {
  const user = demoUser("designer");
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
}

test("a designer creates a credential from the HTTP step's picker and the run's request is authenticated", async ({ page }, testInfo) => {
  test.slow();
  await signInDesigner(page);
  await createWorkflow(page, `Credential run ${testInfo.workerIndex}-${Date.now()}`, "blank", { timeout: 30_000 });
  const call = await dropNode(page, "action", await canvasPoint(page, 0.5, 0.3));
  await connect(page, "start", "out", call);
  await connect(page, call, "success", "end");

  await openNode(page, call);
  await configInput(page, "url").fill(url);
  const picker = inspector(page).getByTestId("credential-picker");
  await expect(picker).toBeVisible();
  await inspector(page).getByTestId("credential-create").click();
  const dialog = page.getByRole("dialog", { name: "Add a credential" });
  await dialog.getByLabel("Name").fill("Whoami API");
  await dialog.getByLabel("Token").fill(TOKEN);
  await dialog.getByRole("button", { name: "Add credential" }).click();
  await expect(dialog).toBeHidden();
  // The new credential is listed by name and kind, never its secret, and picked.
  await expect(picker.locator("option:checked")).toHaveText(/Whoami API · Bearer token \(yours\)/, { timeout: 20_000 });
  expect(await page.content()).not.toContain(TOKEN);
  await waitForSave(page);
  await page.screenshot({ path: testInfo.outputPath("credential-picked.png") });

  await page.getByTestId("run-button").click();
  const run = page.getByRole("dialog", { name: "Run this workflow" });
  await run.getByTestId("run-confirm").click();
  const banner = page.getByTestId("run-banner");
  await expect(banner).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  expect(seen.at(-1)).toBe(`Bearer ${TOKEN}`);

  // The run's page shows the answer, and nothing of the secret.
  await page.getByTestId("run-banner-open").click();
  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "completed");
  expect(await page.content()).not.toContain(TOKEN);
});

test("a credential that workflows use is deleted only after a warning that names them", async ({ page }) => {
  test.slow();
  await signInDesigner(page);
  await page.goto("/settings/credentials");
  const row = page.getByTestId("credential-row-Whoami API");
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("button", { name: "Delete Whoami API" }).click();
  const dialog = page.getByRole("dialog", { name: 'Delete "Whoami API"?' });
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  const warning = dialog.getByTestId("in-use-warning");
  await expect(warning).toContainText("is used by the workflow", { timeout: 20_000 });
  await expect(warning.getByRole("link")).toHaveAttribute("href", /^\/workflows\/[a-f0-9]{24}$/);
  await dialog.getByRole("button", { name: "Delete anyway" }).click();
  await expect(row).toHaveCount(0, { timeout: 20_000 });
});
