import { describe, expect, it } from "vitest";
import { edgeLabelPoint, LABEL_OFFSET } from "./label-position";

describe("edgeLabelPoint", () => {
  it("puts a short edge's label in the middle of its gap", () => {
    const p = edgeLabelPoint({ x: 100, y: 50 }, { x: 180, y: 50 });
    expect(p.x).toBeCloseTo(140);
    expect(p.y).toBeCloseTo(50);
  });

  it("puts a long edge's label just after its source, on the curve, not in the middle where other nodes stand", () => {
    const source = { x: 0, y: 0 };
    const target = { x: 900, y: 300 };
    const p = edgeLabelPoint(source, target);
    expect(p.x).toBeCloseTo(LABEL_OFFSET, 0);
    // Near the source the curve is still close to the source's height.
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeLessThan(30);
  });

  it("keeps a backward edge's label on the middle of its curve", () => {
    const p = edgeLabelPoint({ x: 500, y: 0 }, { x: 100, y: 200 });
    expect(p.x).toBeCloseTo(300);
    expect(p.y).toBeCloseTo(100);
  });
});
