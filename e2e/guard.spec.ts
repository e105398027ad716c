// Bad input gets a clear status: server-action bodies over the limit answer 413 with a message,
// bodies that are not JSON 400, junk arguments a typed refusal (and create nothing), and pages of workflows a person may not
// see answer a real 404.
import { expect, test, type Page } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { serverActionId, signInAs } from "./helpers";

/** Calls a server action as a tampering client would: its id, the page it belongs to, raw arguments. */
async function callAction(page: Page, actionId: string, body: string) {
  return page.request.post("/workflows", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: body,
  });
}

async function workflowCount(page: Page): Promise<number> {
  await page.goto("/workflows?status=all");
  return page.locator(`tr[data-testid^="workflow-row-"]`).count();
}

test("a server-action body over the limit gets 413 with a message; junk arguments create nothing", async ({ page }) => {
  await signInAs(page, "designer");
  await page.goto("/workflows");
  const create = await serverActionId(page, "createWorkflowAction");
  const before = await workflowCount(page);

  const huge = await callAction(page, create, JSON.stringify([{ name: "x".repeat(4 * 1024 * 1024) }]));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toEqual({ error: expect.stringMatching(/^The request is 4\.0 MB; the limit is 3 MB\. Nothing was saved\./) });

  for (const args of [[{}], [null], [5], ["Expenses"], [], [{ name: 5 }], [{ name: "Pay\u202eroll" }]]) {
    const reply = await callAction(page, create, JSON.stringify(args));
    expect(reply.status(), JSON.stringify(args)).toBe(200);
    const text = await reply.text();
    expect(text, JSON.stringify(args)).toContain('"ok":false');
    expect(text).toMatch(/Enter a name\.|Creating a workflow needs its name, or a template\.|Name must|expected|Name contains an invisible text-direction character \(U\+202E\)/);
  }
  expect(await workflowCount(page)).toBe(before);
  const malformed = await callAction(page, create, "{not json");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatch(/^The request's arguments are not valid JSON \(.+\)\. Nothing was changed\.$/);
});

test("pages of a workflow someone may not see answer 404, like a missing one", async ({ page, browser }) => {
  await signInAs(page, "designer");
  const id = await createWorkflow(page, `Private ${Date.now()}`);
  expect((await page.goto(`/workflows/${id}`))?.status()).toBe(200);
  expect((await page.goto(`/workflows/${id}/runs`))?.status()).toBe(200);

  const other = await browser.newPage();
  await signInAs(other, "approver");
  for (const path of [`/workflows/${id}`, `/workflows/${id}/runs`, "/workflows/0123456789abcdef01234567", "/workflows/not-an-id"]) {
    const res = await other.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await other.close();
});
