// Accounts: a person changes their own name and password (other sessions end, this one stays),
// an admin sees last sign-ins and resets a password shown once, and a failed test run says which
// version "retry" and "re-run" use. People are created here, never the demo users, whose
// passwords the other journeys rely on.
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signInAs } from "./helpers";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "/tmp/users-shots";
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const PAT = { name: "Pat Person", email: "pat.person@example.com", password: "first-password-for-pat" };
const PAT_NEW = "pats-own-password-2026";

test.describe.configure({ mode: "serial" });

/** Full-page screenshots at both sizes, light and dark; checks nothing scrolls sideways. */
async function screenshots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const vp of VIEWPORTS) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/${name}-${vp.name}-${scheme}.png`, fullPage: true });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${vp.width} px`).toBeLessThanOrEqual(0);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function openAccount(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
}

test("an admin adds a person, who changes their name and password; other sessions end", async ({ browser }) => {
  const admin = await newPage(browser);
  await signInAs(admin, "admin");
  await admin.goto("/settings/users");
  await admin.getByRole("button", { name: "Add a person" }).click();
  const add = admin.getByRole("dialog", { name: "Add a person" });
  await expect(add).toContainText("no email is sent");
  await add.getByLabel("Name").fill(PAT.name);
  await add.getByLabel("Email").fill(PAT.email);
  await add.getByLabel("Password").fill(PAT.password);
  await add.getByText("Approver", { exact: true }).click();
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add).toBeHidden();
  await expect(admin.getByTestId(`user-row-${PAT.email}`).getByTestId("last-sign-in")).toHaveText("Never");

  // Two sessions of Pat: this one changes the password, the other is ended by it.
  const pat = await newPage(browser);
  const elsewhere = await newPage(browser);
  for (const p of [pat, elsewhere]) {
    await signIn(p, PAT.email, PAT.password);
    await expect(p.getByTestId("user-menu")).toBeVisible();
  }

  await openAccount(pat);
  await expect(pat).toHaveURL(/\/settings\/account$/);
  const nameForm = pat.getByTestId("account-name-form");
  await nameForm.getByLabel("Display name").fill("  ");
  await nameForm.getByLabel("Display name").blur();
  await expect(nameForm.getByText("Enter a name.")).toBeVisible();
  await nameForm.getByLabel("Display name").fill("Pat Q. Person");
  await nameForm.getByRole("button", { name: "Save name" }).click();
  await expect(pat.getByText("Your name is saved.")).toBeVisible();
  await expect(pat.getByTestId("user-menu")).toContainText("Pat Q. Person");
  await expect(pat.getByText("Your name is saved.")).toBeHidden(); // the toast goes before the screenshots

  const pw = pat.getByTestId("account-password-form");
  await pw.getByLabel("Current password").fill("not-my-password");
  await pw.getByLabel("New password", { exact: true }).fill(PAT_NEW);
  await pw.getByLabel("New password again").fill("something-else-entirely");
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pw.getByText("The two new passwords are not the same.")).toBeVisible();
  await pw.getByLabel("New password again").fill(PAT_NEW);
  await pw.getByRole("button", { name: "Change password" }).click();
  // The server's refusal, beside the field it is about.
  await expect(pw.getByText("That is not your current password.")).toBeVisible();
  await expect(pw.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await screenshots(pat, "account-error");

  await pw.getByLabel("Current password").fill(PAT.password);
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pat.getByText("Your password is changed.")).toBeVisible();
  // This browser stays signed in; the other session is over.
  await pat.reload();
  await expect(pat.getByRole("heading", { name: "Your account" })).toBeVisible();
  await elsewhere.goto("/inbox");
  await expect(elsewhere).toHaveURL(/\/login\?reason=password-changed/);
  await expect(elsewhere.getByText("Your password was changed")).toBeVisible();
  await signIn(elsewhere, PAT.email, PAT.password);
  await expect(elsewhere.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signIn(elsewhere, PAT.email, PAT_NEW);
  await expect(elsewhere.getByTestId("user-menu")).toBeVisible();

  await admin.reload();
  await expect(admin.getByTestId(`user-row-${PAT.email}`).getByTestId("last-sign-in")).toContainText("UTC");
  await admin.context().close();
  await pat.context().close();
  await elsewhere.context().close();
});

test("an admin resets a password: shown once with a copy button; the person is asked to choose their own", async ({ browser }) => {
  const admin = await newPage(browser);
  await admin.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(admin, "admin");
  await admin.goto("/settings/users");
  // No reset of one's own password here: that is "Your account", where the current one is asked.
  const me = admin.getByTestId(/^user-row-/).filter({ hasText: "(you)" });
  await expect(me.getByRole("button", { name: /Reset the password/ })).toHaveCount(0);
  await screenshots(admin, "users");

  const pat = await newPage(browser);
  await signIn(pat, PAT.email, PAT_NEW);
  await expect(pat.getByTestId("user-menu")).toBeVisible();

  await admin.getByRole("button", { name: `Reset the password of ${PAT.email}` }).click();
  const confirm = admin.getByRole("dialog", { name: /Reset the password of/ });
  await expect(confirm).toContainText("signed out everywhere");
  await confirm.getByTestId("reset-password-confirm").click();
  const shown = admin.getByRole("dialog", { name: /New password for/ });
  await expect(shown).toContainText("This is the only time it is shown");
  const password = await shown.getByTestId("reset-password-value").inputValue();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await shown.getByTestId("reset-password-copy").click();
  await expect(shown.getByTestId("reset-password-copy")).toHaveText("Copied");
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await screenshots(admin, "users-reset-password");
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  await expect(admin.getByTestId(`user-row-${PAT.email}`)).toContainText("Password was reset");

  // Pat's session ended with the reset; the old password is gone, the new one works.
  await pat.goto("/inbox");
  await expect(pat).toHaveURL(/\/login\?reason=password-changed/);
  await signIn(pat, PAT.email, PAT_NEW);
  await expect(pat.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signIn(pat, PAT.email, password);
  await expect(pat.getByTestId("must-change-password")).toBeVisible();
  await pat.getByTestId("must-change-password").getByRole("link", { name: "Choose your own password" }).click();
  await expect(pat.getByRole("heading", { name: "Your account" })).toBeVisible();
  await screenshots(pat, "account-after-reset");
  const pw = pat.getByTestId("account-password-form");
  await pw.getByLabel("Current password").fill(password);
  await pw.getByLabel("New password", { exact: true }).fill("pats-second-own-password");
  await pw.getByLabel("New password again").fill("pats-second-own-password");
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pat.getByText("Your password is changed.")).toBeVisible();
  await expect(pat.getByTestId("must-change-password")).toHaveCount(0);

  // Not for non-admins: the page is forbidden to a designer.
  const designer = await newPage(browser);
  await signInAs(designer, "designer");
  const res = await designer.goto("/settings/users");
  expect(res?.status()).toBe(403);
  await admin.context().close();
  await pat.context().close();
  await designer.context().close();
});

const node = (id: string, type: string, title: string, config: Record<string, unknown>, x: number) => ({ id, type, position: { x, y: 0 }, data: { title, config } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

test("a failed test run says which version Retry and Re-run use", async ({ page }) => {
  await signInAs(page, "designer");
  // An HTTP step to a port nothing listens on fails at once.
  const file = {
    format: "switchyard.workflow",
    formatVersion: 1,
    name: "Retry labels journey",
    nodes: [
      node("start", "start", "Start", { fields: [{ name: "order", type: "number", required: true }] }, 0),
      node("fetch", "action", "Fetch order", { method: "GET", url: "http://127.0.0.1:9/orders", headers: [], body: "", timeoutMs: 2_000, retries: 0 }, 240),
      node("end", "end", "Done", { outputMapping: [] }, 480),
    ],
    edges: [edge("start", "fetch"), edge("fetch", "end")],
  };
  await page.goto("/workflows");
  await page.getByTestId("import-file-input").setInputFiles({ name: "workflow.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText(`Imported "${file.name}".`)).toBeVisible();
  await page.reload();
  const href = await page.getByTestId(`workflow-row-${file.name}`).getByRole("link", { name: file.name }).getAttribute("href");
  await page.goto(`${href}/runs`);
  await page.getByTestId("start-run").click();
  const dialog = page.getByRole("dialog", { name: "Run this workflow" });
  await dialog.getByTestId("run-input-order").fill("7");
  await dialog.getByTestId("run-confirm").click();
  await expect(page).toHaveURL(/\/runs\/[a-f0-9]{24}$/);
  const firstRun = page.url();

  await expect(page.getByTestId("run-status").first()).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
  await expect(page.getByTestId("retry-run")).toHaveText("Retry with the version this run used");
  await expect(page.getByTestId("retry-run")).toHaveAttribute("title", /as it was when the run started/);
  await expect(page.getByTestId("rerun-run")).toHaveText("Re-run with the current draft");
  await screenshots(page, "run-failed-test");

  await page.getByTestId("rerun-run").click();
  await expect(page).not.toHaveURL(firstRun);
  await expect(page).toHaveURL(/\/runs\/[a-f0-9]{24}$/);
  await expect(page.getByText("Test run of draft")).toBeVisible();
});
