import { expect, test, type Page } from "@playwright/test";
import { canvasNodes, canvasPoint, connect, createWorkflow, dropNode, edgeBetween, fitView, handle } from "./canvas";
import { signInAs } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });

// React Flow is told each node's size and handle positions (components/canvas/nodes/node-layout.ts)
// instead of measuring them: what it was told must be what is drawn.

/** Where an edge's path starts and ends, in screen pixels. */
async function edgeEnds(page: Page, source: string, target: string) {
  return edgeBetween(page, source, target)
    .locator("path.react-flow__edge-path")
    .evaluate((el) => {
      const path = el as SVGPathElement;
      const m = path.getScreenCTM()!;
      const at = (len: number) => {
        const p = new DOMPoint(path.getPointAtLength(len).x, path.getPointAtLength(len).y).matrixTransform(m);
        return { x: p.x, y: p.y };
      };
      return { start: at(0), end: at(path.getTotalLength()) };
    });
}

test("every edge starts and ends on a drawn handle, and every node is drawn at the size React Flow was given", async ({ page }) => {
  await signInAs(page, "designer");
  await createWorkflow(page, "Handles line up");
  const script = await dropNode(page, "script", await canvasPoint(page, 0.3, 0.2));
  const decision = await dropNode(page, "decision", await canvasPoint(page, 0.55, 0.2));
  const human = await dropNode(page, "human", await canvasPoint(page, 0.45, 0.75));
  // Normal, error (a turned diamond), branch with a condition line, fallback, and a toned output.
  const links: [string, string, string][] = [
    [script, "out", decision],
    [script, "error", human],
    [decision, "branch-1", "end"],
    [decision, "default", human],
    [human, "approve", "end"],
  ];
  for (const [source, output, target] of links) await connect(page, source, output, target);
  await fitView(page);
  await page.waitForTimeout(500); // the fit animates

  for (const [source, output, target] of links) {
    const { start, end } = await edgeEnds(page, source, target);
    const out = (await handle(page, source, output, "source").boundingBox())!;
    const into = (await handle(page, target, "in", "target").boundingBox())!;
    // React Flow's rule: an edge leaves from the middle of a right handle's right side and
    // enters at the middle of a left handle's left side.
    expect(Math.abs(start.x - (out.x + out.width)), `${source}.${output} x`).toBeLessThan(1.5);
    expect(Math.abs(start.y - (out.y + out.height / 2)), `${source}.${output} y`).toBeLessThan(1.5);
    expect(Math.abs(end.x - into.x), `${target}.in x`).toBeLessThan(1.5);
    expect(Math.abs(end.y - (into.y + into.height / 2)), `${target}.in y`).toBeLessThan(1.5);
  }

  const sizes = await canvasNodes(page).evaluateAll((nodes) =>
    nodes.map((n) => {
      const wrapper = n as HTMLElement;
      const drawn = wrapper.firstElementChild as HTMLElement;
      return { id: wrapper.dataset.id, given: [wrapper.style.width, wrapper.style.height], drawn: [`${drawn.offsetWidth}px`, `${drawn.offsetHeight}px`] };
    }),
  );
  expect(sizes).toHaveLength(5);
  for (const s of sizes) expect(s.drawn, `node ${s.id}`).toEqual(s.given);
});
