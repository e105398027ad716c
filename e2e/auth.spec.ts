import { expect, test, type Page } from "@playwright/test";
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

test("each person lands where their work is: approvers in the inbox, managers on the dashboard", async ({ page }) => {
  await signInAs(page, "approver");
  await expect(page).toHaveURL(/\/inbox(\?tab=available)?$/);
  await page.context().clearCookies();
  await signInAs(page, "manager");
  await expect(page).toHaveURL(/\/dashboard$/);
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

/** One sign-in attempt posted straight to next-auth from the page (fast: no form); the error it answers, or "" on success. */
async function attempt(page: Page, email: string, password: string): Promise<string> {
  const url = await page.evaluate(
    async ({ email, password }) => {
      const csrf = await (await fetch("/api/auth/csrf")).json();
      const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" });
      const r = await fetch("/api/auth/callback/credentials", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      return ((await r.json()) as { url: string }).url;
    },
    { email, password },
  );
  return new URL(url).searchParams.get("error") ?? "";
}

test("failures from one address slow that address only: the owner signs in from theirs", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The app under test trusts X-Forwarded-For from loopback (SWITCHYARD_TRUSTED_PROXIES in
  // playwright.config.ts), so each page can act from its own client address.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.7" });
  await page.goto("/login");
  const user = demoUser("admin");
  // Wrong passwords as fast as the throttle lets them through: 5 free, then 1 s, 2 s, 4 s, 8 s.
  const waits: number[] = [];
  let failures = 0;
  while (failures < 9) {
    const error = await attempt(page, user.email, `wrong-${failures}`);
    const wait = /^Too many failed sign-in attempts\. Wait (\d+) s and try again\.$/.exec(error);
    if (wait) {
      waits.push(Number(wait[1]));
      await page.waitForTimeout(Number(wait[1]) * 1000);
    } else {
      expect(error).toBe("Wrong email or password.");
      failures++;
    }
  }
  expect(Math.max(...waits)).toBeGreaterThanOrEqual(2); // the delays grew
  // The attacker's address now waits 16 s, even with the right password, and the form says so…
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("login-error")).toHaveText(/Too many failed sign-in attempts\. Wait \d+ s and try again\./);
  await expect(page).toHaveURL(/\/login/);

  // …while the admin, from their own address, signs in at once.
  const owner = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.7" } });
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, user.email, user.password);
  await expect(ownerPage.getByTestId("user-menu")).toBeVisible();
  await owner.close();
});
