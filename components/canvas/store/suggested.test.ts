import { describe, expect, it } from "vitest";
import type { NodeChange } from "@xyflow/react";
import { toFlowGraph, toWorkflowGraph } from "../graph/convert";
import { isBlankCanvas } from "../graph/suggested";
import type { FlowNode } from "../types";
import { createEditorStore } from "./editor-store";
import { smallGraph, wfEdge, wfNode } from "./test-fixtures";

/** smallGraph with every node marked as drafted by AI. */
function suggestedStore() {
  const graph = smallGraph();
  graph.nodes = graph.nodes.map((n) => ({ ...n, data: { ...n.data, suggested: true } }));
  const store = createEditorStore({ ...graph, revision: 1 });
  const suggested = () => store.getState().nodes.filter((n) => n.data.suggested).map((n) => n.id);
  return { store, state: () => store.getState(), suggested };
}

describe("AI-suggested nodes in the designer store", () => {
  it("keeps the mark through the stored graph until the node is touched", () => {
    const { state, suggested } = suggestedStore();
    expect(suggested()).toEqual(["start", "check", "approve", "done"]);
    expect(toWorkflowGraph(state()).nodes.every((n) => n.data.suggested === true)).toBe(true);

    state().updateNodeConfig("check", { branches: [{ id: "big", label: "Big", condition: "amount > 500" }] });
    state().updateTitle("approve", "Manager approval");
    const move: NodeChange<FlowNode>[] = [{ id: "done", type: "position", position: { x: 5, y: 5 }, dragging: false }];
    state().onNodesChange(move);
    expect(suggested()).toEqual(["start"]);
    expect(toWorkflowGraph(state()).nodes.find((n) => n.id === "check")!.data).not.toHaveProperty("suggested");
  });

  it("confirms nodes as they are, as an undoable edit that makes the copy dirty", () => {
    const { store, state, suggested } = suggestedStore();
    state().select(["start"]);
    state().confirmSuggested(["start"]);
    expect(suggested()).toEqual(["check", "approve", "done"]);
    expect(state().docVersion).toBe(1);
    state().confirmSuggested();
    expect(suggested()).toEqual([]);
    state().confirmSuggested(); // nothing left: no edit
    expect(state().docVersion).toBe(2);
    state().undo();
    expect(suggested()).toEqual(["check", "approve", "done"]);
    expect(store.temporal.getState().futureStates).toHaveLength(1);
  });

  it("puts a draft on the canvas as one undoable edit", () => {
    const store = createEditorStore({ nodes: [], edges: [], revision: 1 });
    const draft = suggestedStore().state();
    store.getState().applyDraft(toWorkflowGraph(draft));
    expect(store.getState().nodes.map((n) => n.data.suggested)).toEqual([true, true, true, true]);
    expect(store.getState().edges).toHaveLength(4);
    store.getState().undo();
    expect(store.getState().nodes).toEqual([]);
  });
});

describe("where drafting is offered", () => {
  it("on an empty canvas and a blank Start → End, not once the designer configured or added steps", () => {
    expect(isBlankCanvas([])).toBe(true);
    const blank = toFlowGraph({ nodes: [wfNode("start", "start"), wfNode("end", "end", 300)], edges: [wfEdge("e", "start", "end")] }).nodes;
    expect(isBlankCanvas(blank)).toBe(true);
    const withField = blank.map((n) => (n.type === "start" ? { ...n, data: { ...n.data, config: { fields: [{ name: "x", type: "string", required: false }] } } } : n));
    expect(isBlankCanvas(withField)).toBe(false);
    expect(isBlankCanvas(toFlowGraph(smallGraph()).nodes)).toBe(false);
  });
});
