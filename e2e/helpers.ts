import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export interface DemoUser {
  email: string;
  name: string;
  roles: string[];
  password: string;
}

/** The demo users the app generated on its first start (printed once, kept in its data folder). */
export function demoUser(role: "admin" | "designer" | "approver" | "manager"): DemoUser {
  const dataDir = process.env.E2E_DATA_DIR ?? "/tmp/switchyard-e2e";
  const users = JSON.parse(readFileSync(path.join(dataDir, "demo-users.json"), "utf8")) as DemoUser[];
  const user = users.find((u) => u.roles.includes(role));
  if (!user) throw new Error(`No demo ${role} in ${dataDir}/demo-users.json`);
  return user;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: "admin" | "designer" | "approver" | "manager") {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  return user;
}

/** The id Next.js gave a server action, read from the client bundle the page loaded. */
export async function serverActionId(page: Page, name: string): Promise<string> {
  const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => s.src).filter(Boolean));
  for (const src of scripts) {
    const js = await (await page.request.get(src)).text();
    const match = js.match(new RegExp(`"([0-9a-f]{40,})"[^"]{0,200}"${name}"`));
    if (match) return match[1];
  }
  throw new Error(`No server action named ${name} in the page's scripts`);
}
