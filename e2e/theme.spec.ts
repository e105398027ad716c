// The theme choice in the user menu, and the canvas's own controls following it.
import { expect, test, type Locator } from "@playwright/test";
import { createWorkflow } from "./canvas";
import { signInAs } from "./helpers";

/** Relative luminance (0 black … 1 white) of an element's computed background colour. */
async function backgroundLuminance(locator: Locator): Promise<number> {
  const rgb = await locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ["255", "255", "255"]).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test("a person chooses dark mode in the user menu; the canvas controls and minimap turn dark and the choice is kept", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "designer");
  await createWorkflow(page, `Theme ${Date.now()}`, "expense-approval");
  const controls = page.locator(".react-flow__controls-button").first();
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  expect(await backgroundLuminance(controls)).toBeGreaterThan(0.8);

  await page.getByTestId("user-menu").click();
  await page.getByTestId("theme-dark").click();
  await page.keyboard.press("Escape");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect.poll(() => backgroundLuminance(controls)).toBeLessThan(0.3);
  expect(await backgroundLuminance(minimap)).toBeLessThan(0.3);
  // The icons stay visible: light strokes on the dark buttons.
  const iconColor = await controls.evaluate((el) => getComputedStyle(el).color);
  const [r, g, b] = (iconColor.match(/\d+/g) ?? ["0", "0", "0"]).map(Number);
  expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255).toBeGreaterThan(0.6);

  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("theme-system").click();
  await page.keyboard.press("Escape");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});
