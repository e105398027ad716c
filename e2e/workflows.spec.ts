import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

async function createFromTemplate(page: Page, templateId: string, name: string) {
  await page.goto("/workflows");
  await page.getByTestId("new-workflow").click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByTestId(`template-card-${templateId}`).click();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[a-f0-9]{24}$/);
}

test("export and import round-trip a workflow; a broken file is refused with its problems", async ({ page }, testInfo) => {
  await signInAs(page, "designer");
  await createFromTemplate(page, "expense-approval", "Round trip");
  await page.goto("/workflows");
  const row = page.getByTestId("workflow-row-Round trip");
  await expect(row).toBeVisible();

  await row.getByTestId("workflow-row-menu").click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Export as JSON" }).click();
  const download = await downloadPromise;
  const file = testInfo.outputPath("exported.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  expect(exported.name).toBe("Round trip");
  expect(exported.nodes.length).toBeGreaterThan(4);

  await page.getByTestId("import-file-input").setInputFiles(file);
  await expect(page.getByText('Imported "Round trip".')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("workflow-row-Round trip")).toHaveCount(2);

  const broken = {
    ...exported,
    name: "Broken import",
    nodes: [...exported.nodes, exported.nodes[0], { id: "mystery", type: "teleport", position: { x: 0, y: 0 }, data: { title: "?", config: {} } }],
    edges: [...exported.edges, { id: "dangling", source: exported.nodes[0].id, target: "nowhere" }],
  };
  // A slow machine: the file is chosen while the page is still hydrating (the change event of
  // an input rendered in the server HTML was lost then, and nothing ever appeared).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await page.reload({ waitUntil: "commit" });
  await page.getByTestId("import-file-input").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  const problems = page.getByTestId("import-problems");
  await expect(problems).toBeVisible();
  await expect(problems).toContainText("teleport");
  await expect(problems).toContainText("nowhere");
  await expect(problems).toContainText(`Node id "start" is used more than once`);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.keyboard.press("Escape");

  await page.getByTestId("import-file-input").setInputFiles({ name: "garbage.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(page.getByTestId("import-problems")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByTestId("workflow-row-Broken import")).toHaveCount(0);
});

test("a workflow is deleted only after confirming", async ({ page }) => {
  await signInAs(page, "designer");
  await createFromTemplate(page, "incident-escalation", "Short lived");
  await page.goto("/workflows");
  const row = page.getByTestId("workflow-row-Short lived");
  await row.getByTestId("workflow-row-menu").click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete “Short lived”?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByTestId("workflow-row-menu").click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  await confirm.getByRole("button", { name: "Delete workflow" }).click();
  await expect(row).toHaveCount(0);
});
