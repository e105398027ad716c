import { expect, test } from "@playwright/test";
import { demoUser, signIn, signInAs } from "./helpers";

test("a demo user signs in, sees the shell for their roles, and signs out", async ({ page }) => {
  const user = await signInAs(page, "designer");
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole("heading", { name: "Workflows", exact: true })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  await expect(nav.getByRole("link", { name: "Workflows" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();

  await page.getByTestId("user-menu").click();
  await expect(page.getByText(user.email)).toBeVisible();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fworkflows/);
});

test("navigation follows roles: an approver sees no dashboard", async ({ page }) => {
  await signInAs(page, "approver");
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const res = await page.goto("/dashboard");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a wrong password gets a clear error and no session", async ({ page }) => {
  const user = demoUser("manager");
  await signIn(page, user.email, "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("bad input is explained beside the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill("someone@example.com");
  await page.getByLabel("Password").fill("p".repeat(10_240));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That password is too long (at most 1024 characters).")).toBeVisible();
});

test("the server refuses a 10 KB password even when the form is bypassed", async ({ page }) => {
  await page.goto("/login");
  const res = await page.evaluate(async () => {
    const csrf = await (await fetch("/api/auth/csrf")).json();
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email: "x@example.com", password: "p".repeat(10_240), json: "true" });
    const r = await fetch("/api/auth/callback/credentials", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    return (await r.json()) as { url: string };
  });
  expect(decodeURIComponent(res.url)).toContain("That password is too long");
});

test("failures from one address slow that address only: the owner signs in from theirs", async ({ page, browser }) => {
  // The app under test trusts X-Forwarded-For from loopback (SWITCHYARD_TRUSTED_PROXIES in
  // playwright.config.ts), so each page can act from its own client address.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.7" });
  const user = demoUser("admin");
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  }
  // The attacker's address now waits, even with the right password…
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("login-error")).toHaveText(/Too many failed sign-in attempts\. Wait [12] s and try again\./);
  await expect(page).toHaveURL(/\/login/);

  // …while the admin, from their own address, signs in at once.
  const owner = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.7" } });
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, user.email, user.password);
  await expect(ownerPage.getByTestId("user-menu")).toBeVisible();
  await owner.close();
});
