// The pin rule: a pinned output replaces the executor in test runs of a draft only.
import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/workflow/types";
import { fixture } from "./fixtures";
import { runToEnd } from "./harness";
import { pinnedResult, withoutPins } from "./pins";

const pin = { output: { id: 7, "a.b": ["x"] }, pinnedAt: "2026-12-01T10:00:00.000Z", pinnedBy: "user-1" };
const pinnedNode: WorkflowNode = { id: "fetch", type: "action", position: { x: 0, y: 0 }, data: { title: "Fetch", config: {}, pinned: pin } };

describe("pinnedResult", () => {
  it("gives the pinned output, by the default output, in a run of the draft", () => {
    expect(pinnedResult(pinnedNode, { draft: true })).toEqual({ kind: "ok", output: pin.output });
  });

  it("keeps the handle the output was pinned with (an approval, a branch)", () => {
    const node = { ...pinnedNode, data: { ...pinnedNode.data, pinned: { ...pin, handle: "approve" } } };
    expect(pinnedResult(node, { draft: true })).toEqual({ kind: "ok", output: pin.output, handle: "approve" });
  });

  it("is never used by a published run, even when a pin is found on the node", () => {
    expect(pinnedResult(pinnedNode, { draft: false })).toBeNull();
  });

  it("is null for a node without a pin or with a malformed one", () => {
    expect(pinnedResult({ data: { title: "x", config: {} } }, { draft: true })).toBeNull();
    expect(pinnedResult({ data: { title: "x", config: {}, pinned: { output: 1 } as never } }, { draft: true })).toBeNull();
  });
});

describe("withoutPins", () => {
  it("removes every pin and nothing else; a graph without pins is returned as it is", () => {
    const graph = fixture("integrations");
    expect(withoutPins(graph)).toBe(graph);
    const pinned = { ...graph, nodes: graph.nodes.map((n) => (n.id === "fetch" ? { ...n, data: { ...n.data, pinned: pin } } : n)) };
    const stripped = withoutPins(pinned);
    expect(stripped.nodes.some((n) => n.data.pinned !== undefined)).toBe(false);
    expect(stripped.nodes).toEqual(graph.nodes);
    expect(pinned.nodes.find((n) => n.id === "fetch")?.data.pinned).toBe(pin);
  });

  it("a pinned graph run with the pin rule skips the pinned executor (the harness applies it like the runtime)", async () => {
    const graph = fixture("integrations");
    const pinned = { ...graph, nodes: graph.nodes.map((n) => (n.id === "fetch" ? { ...n, data: { ...n.data, pinned: { ...pin, output: { status: 200, body: { id: 7 } } } } } : n)) };
    let calls = 0;
    const fakes = {
      action: (ctx: { node: WorkflowNode }) => {
        const taken = pinnedResult(ctx.node, { draft: true });
        if (taken) return taken;
        calls += 1;
        return { kind: "ok" as const, output: { status: 200, body: { id: 1 } } };
      },
    };
    const sim = await runToEnd(pinned, {}, fakes);
    expect(calls).toBe(0);
    expect(sim.state.data.outputs.find((o) => o.nodeId === "fetch")?.output).toEqual({ status: 200, body: { id: 7 } });
  });
});
