import { describe, expect, it } from "vitest";
import { Position } from "@xyflow/react";
import { getNodeDefinition, getNodeOutputs, nodeTypes } from "@/lib/nodes/registry";
import type { FlowNode } from "../types";
import { HEADER_HEIGHT, NODE_WIDTH, nodeLayout, nodeSize, withLayout } from "./node-layout";

const node = (type: string, config: Record<string, unknown> = {}): FlowNode => ({ id: type, type, position: { x: 0, y: 0 }, data: { title: type, config } });
const centre = (h: { x: number; y: number; width?: number; height?: number }) => ({ x: h.x + (h.width ?? 0) / 2, y: h.y + (h.height ?? 0) / 2 });

describe("nodeLayout", () => {
  it("puts a one-output node's input and output where the node draws them", () => {
    const { width, height, handles } = nodeLayout(node("set"));
    // frame 1 + header 52 + list (rule 1, padding 4 + 4, one 28 px row) + frame 1
    expect({ width, height }).toEqual({ width: 240, height: 91 });
    expect(handles).toEqual([
      // centred on the inner left edge (after the 4 px stripe), 28 px below the frame's top
      { id: "in", type: "target", position: Position.Left, x: -2, y: 23, width: 12, height: 12 },
      // centred on the inner right edge and on the row: 1 + 52 + 1 + 4 + 28 / 2 = 72
      { id: "out", type: "source", position: Position.Right, x: 233, y: 66, width: 12, height: 12 },
    ]);
  });

  it("counts an error output's dashed rule and gives its diamond the box React Flow would measure", () => {
    const [, out, error] = nodeLayout(node("script")).handles;
    expect(centre(out)).toEqual({ x: 239, y: 72 });
    expect(error.id).toBe("error");
    // row from 86 to 114, 1 px rule on top: centre at 86 + 1 + 27 / 2
    expect(centre(error).x).toBeCloseTo(239);
    expect(centre(error).y).toBeCloseTo(100.5);
    expect(error.width).toBeCloseTo(12 * Math.SQRT2);
    expect(nodeLayout(node("script")).height).toBe(119);
  });

  it("gives decision branches taller rows for their condition, and follows the branch count", () => {
    const two = node("decision", {
      branches: [
        { id: "big", label: "Big", condition: "amount > 100" },
        { id: "new", label: "New", condition: "" },
      ],
    });
    const layout = nodeLayout(two);
    // big and new show a condition line (32 px), Otherwise does not (28 px)
    expect(layout.height).toBe(1 + 52 + 1 + 8 + 32 + 32 + 28 + 1);
    expect(layout.handles.filter((h) => h.type === "source").map((h) => [h.id, centre(h).y])).toEqual([
      ["big", 58 + 16],
      ["new", 58 + 32 + 16],
      ["default", 58 + 64 + 14],
    ]);
    const three = node("decision", { branches: [...(two.data.config.branches as object[]), { id: "vip", label: "VIP", condition: "vip" }] });
    expect(nodeLayout(three).height).toBe(layout.height + 32);
  });

  it("draws an end node without an output list, and an unknown type without handles", () => {
    expect(nodeLayout(node("end"))).toMatchObject({ height: 54, handles: [{ id: "in", type: "target" }] });
    expect(nodeLayout(node("no-such-type"))).toEqual({ width: 240, height: 54, handles: [] });
  });

  it("for every node type, lists the type's handles in order, each on the node's edge and inside its height", () => {
    for (const type of nodeTypes) {
      const n = node(type, getNodeDefinition(type)!.defaults() as Record<string, unknown>);
      const { width, height, handles } = nodeLayout(n);
      expect(width).toBe(NODE_WIDTH);
      expect(handles.filter((h) => h.type === "target").map((h) => h.id)).toEqual(getNodeDefinition(type)!.inputs.map((h) => h.id));
      const sources = handles.filter((h) => h.type === "source");
      expect(sources.map((h) => h.id)).toEqual(getNodeOutputs(n).map((h) => h.id));
      for (const h of sources) {
        expect(centre(h).x).toBe(NODE_WIDTH - 1);
        expect(centre(h).y).toBeGreaterThan(1 + HEADER_HEIGHT);
        expect(centre(h).y).toBeLessThan(height - 1);
      }
    }
  });
});

describe("withLayout", () => {
  it("hands React Flow a measured node, and the same object while the node is unchanged", () => {
    const n = node("set");
    const laid = withLayout(n);
    expect(laid).toMatchObject({ id: "set", width: 240, height: 91, measured: { width: 240, height: 91 } });
    expect(laid.handles).toHaveLength(2);
    expect(withLayout(n)).toBe(laid);
    expect(withLayout({ ...n })).not.toBe(laid);
    expect(nodeSize(n)).toEqual({ width: 240, height: 91 });
  });
});
