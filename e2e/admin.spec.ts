import { expect, test } from "@playwright/test";
import { serverActionId, signIn, signInAs } from "./helpers";

test("an admin creates a user, validation errors stay beside the fields", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();

  await page.getByRole("button", { name: "Add a person" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Name").fill("Casey Clerk");
  await dialog.getByLabel("Email").fill("casey@@example");
  await dialog.getByLabel("Password").fill("short");
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(dialog.getByText("Choose at least one role.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Casey Clerk"); // nothing typed is lost

  await dialog.getByLabel("Email").fill("casey@example.com");
  await dialog.getByLabel("Password").fill("a-long-enough-password");
  await dialog.getByText("Approver", { exact: true }).click();
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("user-row-casey@example.com")).toContainText("Approver");
});

test("a designer gets a 403 page and the server action refuses too", async ({ page, browser }) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/settings/users");
  const actionId = await serverActionId(admin, "updateRolesAction");
  await admin.close();

  const designer = await signInAs(page, "designer");
  const res = await page.goto("/settings/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

  // Call the action directly, as a tampering client would, to grant themselves admin.
  const me = await page.evaluate(async () => (await (await fetch("/api/auth/session")).json()) as { user: { id: string } });
  const reply = await page.request.post("/settings/users", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([me.user.id, ["admin", "designer"]]),
  });
  expect(await reply.text()).toContain("You do not have permission to do that.");
  expect((await page.goto("/settings/users"))?.status()).toBe(403);
  expect(designer.roles).toEqual(["designer"]);
});

test("a deactivated user is signed out and cannot sign back in", async ({ page, browser }) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await admin.goto("/settings/users");
  await admin.getByRole("button", { name: "Add a person" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Name").fill("Temp Worker");
  await dialog.getByLabel("Email").fill("temp@example.com");
  await dialog.getByLabel("Password").fill("temporary-password-1");
  await dialog.getByText("Approver", { exact: true }).click();
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(admin.getByTestId("user-row-temp@example.com")).toBeVisible();

  await signIn(page, "temp@example.com", "temporary-password-1");
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox", exact: true })).toBeVisible();

  await admin.getByRole("button", { name: "Deactivate temp@example.com" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByTestId("user-row-temp@example.com")).toContainText("Deactivated");

  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login\?reason=deactivated/);
  await expect(page.getByText("Your account has been deactivated")).toBeVisible();
  await signIn(page, "temp@example.com", "temporary-password-1");
  await expect(page.getByTestId("login-error")).toHaveText("This account has been deactivated. Ask an admin to reactivate it.");
  await admin.close();
});
