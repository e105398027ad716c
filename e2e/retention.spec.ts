import { expect, test } from "@playwright/test";
import { serverActionId, signInAs } from "./helpers";

test("an admin sets how long runs keep their details; bad values are explained beside the fields", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: /Run retention/ }).click();
  await expect(page.getByRole("heading", { name: "Run retention" })).toBeVisible();

  const days = page.getByLabel("Days to keep a finished run's details");
  const count = page.getByLabel("Finished runs kept with their details, per workflow (optional)");
  await expect(days).toHaveValue("30");
  await expect(count).toHaveValue("");
  await expect(page.getByText("The defaults apply: nobody has changed these yet.")).toBeVisible();
  await expect(page.getByTestId("retention-status")).toBeVisible();

  await days.fill("0");
  await count.fill("1.5");
  await page.getByTestId("retention-save").click();
  await expect(page.getByText("Days to keep: keep runs at least 1 day.")).toBeVisible();
  await expect(page.getByText("Runs kept per workflow: use a whole number, like 30, without signs, dots or letters.")).toBeVisible();
  await page.screenshot({ path: "/tmp/retention-errors.png", fullPage: true });

  await days.fill("14");
  await count.fill("500");
  await page.getByTestId("retention-save").click();
  await expect(page.getByText("Saved. The next clean-up uses the new settings.")).toBeVisible();
  await page.reload();
  await expect(days).toHaveValue("14");
  await expect(count).toHaveValue("500");
  await expect(page.getByText(/^Last changed /)).toBeVisible();
  await page.screenshot({ path: "/tmp/retention-saved.png", fullPage: true });
});

test("a designer gets a 403 page and the server action refuses too", async ({ page, browser }) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/settings/retention");
  const actionId = await serverActionId(admin, "saveRetentionAction");
  await admin.close();

  await signInAs(page, "designer");
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: /Run retention/ })).toHaveCount(0);
  expect((await page.goto("/settings/retention"))?.status()).toBe(403);
  const reply = await page.request.post("/settings/retention", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ keepDays: "1", keepPerWorkflow: "1" }]),
  });
  expect(await reply.text()).toContain("permission");
});
