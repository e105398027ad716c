import { describe, expect, it } from "vitest";
import type { NodeChange } from "@xyflow/react";
import { toWorkflowGraph } from "../graph/convert";
import type { FlowNode } from "../types";
import { isDirty } from "./editor-store";
import { smallGraph, testStore } from "./test-fixtures";

const positions = (nodes: readonly FlowNode[]) => Object.fromEntries(nodes.map((n) => [n.id, { ...n.position }]));

function drag(send: (changes: NodeChange<FlowNode>[]) => void, id: string, path: { x: number; y: number }[]) {
  for (const p of path) send([{ id, type: "position", position: p, dragging: true }]);
  const last = path[path.length - 1];
  send([{ id, type: "position", position: last, dragging: false }]);
}

describe("editor store: domain actions", () => {
  it("adds a node with its defaults, selected alone, and a distinct title", () => {
    const { state } = testStore();
    state().select(["start"]);
    const id = state().addNode("decision", { x: 100, y: 100 });
    expect(id).toMatch(/^decision_[a-z0-9]{8}$/);
    const node = state().nodes.find((n) => n.id === id)!;
    expect(node.data.title).toBe("Decision");
    expect(node.data.config).toEqual({ branches: [{ id: "branch-1", label: "Yes", condition: "" }] });
    expect(state().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([id]);
    const second = state().addNode("decision", { x: 0, y: 0 })!;
    expect(state().nodes.find((n) => n.id === second)!.data.title).toBe("Decision 2");
    expect(state().addNode("no-such-type", { x: 0, y: 0 })).toBeNull();
  });

  it("pins and unpins a node's output as an undoable edit that autosave sends", () => {
    const { state } = testStore();
    const before = state().docVersion;
    const pinned = { output: { id: 7 }, handle: "big", pinnedAt: "2026-12-03T10:00:00.000Z", pinnedBy: "" };
    state().setPinned("check", pinned);
    expect(state().docVersion).toBe(before + 1);
    expect(isDirty(state())).toBe(true);
    expect(toWorkflowGraph(state()).nodes.find((n) => n.id === "check")!.data.pinned).toEqual(pinned);
    state().setPinned("check", null);
    expect(toWorkflowGraph(state()).nodes.find((n) => n.id === "check")!.data).not.toHaveProperty("pinned");
    state().undo();
    expect(state().nodes.find((n) => n.id === "check")!.data.pinned).toEqual(pinned);
    // Unpinning a node without a pin changes nothing.
    const version = state().docVersion;
    state().setPinned("done", null);
    expect(state().docVersion).toBe(version);
  });

  it("connects with the handle's label and the branch condition, and refuses repeats and self-loops", () => {
    const { state } = testStore();
    state().onConnect({ source: "check", sourceHandle: "big", target: "done", targetHandle: "in" });
    const edge = state().edges.at(-1)!;
    expect(edge).toMatchObject({ source: "check", target: "done", sourceHandle: "big", data: { label: "Big", condition: "amount > 100" } });
    const count = state().edges.length;
    state().onConnect({ source: "check", sourceHandle: "big", target: "done", targetHandle: "in" });
    state().onConnect({ source: "check", sourceHandle: "big", target: "check", targetHandle: "in" });
    expect(state().edges).toHaveLength(count);
  });

  it("keeps edge labels and conditions in step with the decision's branches", () => {
    const { state } = testStore();
    state().updateNodeConfig("check", { branches: [{ id: "big", label: "Large", condition: "amount > 500" }] }, "branches");
    expect(state().edges.find((e) => e.id === "e2")!.data).toEqual({ label: "Large", condition: "amount > 500" });
    expect(state().edges.find((e) => e.id === "e3")!.data).toEqual({ label: "Otherwise" });
  });

  it("deletes selected nodes with their edges, and selected edges", () => {
    const { state } = testStore();
    state().select(["approve"], ["e3"]);
    state().deleteSelection();
    expect(state().nodes.map((n) => n.id)).toEqual(["start", "check", "done"]);
    expect(state().edges.map((e) => e.id)).toEqual(["e1"]);
  });

  it("duplicates the selection with new ids, internal edges remapped, offset and selected", () => {
    const { state } = testStore();
    state().select(["check", "approve"]);
    const ids = state().duplicate();
    expect(ids).toHaveLength(2);
    const [check2, approve2] = ids.map((id) => state().nodes.find((n) => n.id === id)!);
    expect(check2.type).toBe("decision");
    expect(check2.position).toEqual({ x: 340, y: 40 });
    expect(approve2.position).toEqual({ x: 640, y: -60 });
    const copied = state().edges.filter((e) => ids.includes(e.source) || ids.includes(e.target));
    expect(copied).toHaveLength(1); // only check → approve lies inside the selection
    expect(copied[0]).toMatchObject({ source: check2.id, target: approve2.id, sourceHandle: "big" });
    expect(state().nodes.filter((n) => n.selected).map((n) => n.id).sort()).toEqual([...ids].sort());
    // the copy's config is its own object
    expect(check2.data.config).not.toBe(state().nodes.find((n) => n.id === "check")!.data.config);
    // a second duplicate of the original lands one step further
    state().select(["check", "approve"]);
    const again = state().duplicate();
    expect(state().nodes.find((n) => n.id === again[0])!.position).toEqual({ x: 380, y: 80 });
  });

  it("pastes at a point with the fragment's top-left corner there", () => {
    const { state } = testStore();
    const fragment = toWorkflowGraph({ nodes: state().nodes.slice(1, 3), edges: [] });
    const ids = state().paste(fragment, { x: 1000, y: 1000 });
    const pasted = ids.map((id) => state().nodes.find((n) => n.id === id)!.position);
    expect(pasted).toEqual([{ x: 1000, y: 1100 }, { x: 1300, y: 1000 }]);
  });

  it("changes nothing when read-only, but still selects", () => {
    const { state } = testStore({ readOnly: true });
    const before = toWorkflowGraph(state());
    state().addNode("set", { x: 0, y: 0 });
    state().select(["check"]);
    state().deleteSelection();
    state().updateTitle("check", "x");
    state().onNodesChange([{ id: "check", type: "position", position: { x: 5, y: 5 }, dragging: false }]);
    expect(toWorkflowGraph(state())).toEqual(before);
    expect(state().nodes.find((n) => n.id === "check")!.selected).toBe(true);
  });
});

describe("editor store: undo and redo", () => {
  it("makes a whole drag one undo step", () => {
    const { state, history } = testStore();
    const before = positions(state().nodes);
    drag(state().onNodesChange, "check", [
      { x: 310, y: 5 },
      { x: 330, y: 20 },
      { x: 400, y: 60 },
    ]);
    expect(history().pastStates).toHaveLength(1);
    expect(state().nodes.find((n) => n.id === "check")!.position).toEqual({ x: 400, y: 60 });
    state().undo();
    expect(positions(state().nodes)).toEqual(before);
    state().redo();
    expect(state().nodes.find((n) => n.id === "check")!.position).toEqual({ x: 400, y: 60 });
  });

  it("records no step for selection, measuring, or a drag that ends where it began", () => {
    const { state, history } = testStore();
    state().onNodesChange([{ id: "check", type: "select", selected: true }]);
    state().onNodesChange([{ id: "check", type: "dimensions", dimensions: { width: 200, height: 80 }, setAttributes: true }]);
    drag(state().onNodesChange, "check", [
      { x: 350, y: 0 },
      { x: 300, y: 0 },
    ]);
    expect(history().pastStates).toHaveLength(0);
    expect(isDirty(state())).toBe(false);
  });

  it("merges typing in one field into one step, but not across fields or pauses", () => {
    const { state, history, clock } = testStore();
    for (const title of ["C", "Ch", "Che", "Chec"]) {
      state().updateTitle("check", title);
      clock.advance(200);
    }
    expect(history().pastStates).toHaveLength(1);
    state().updateTitle("done", "Finish"); // another field
    expect(history().pastStates).toHaveLength(2);
    clock.advance(5_000);
    state().updateTitle("done", "Finished"); // after a pause
    expect(history().pastStates).toHaveLength(3);
    state().undo();
    state().undo();
    state().undo();
    expect(state().nodes.find((n) => n.id === "check")!.data.title).toBe("check");
  });

  it("keeps the current selection across undo", () => {
    const { state } = testStore();
    state().addNode("set", { x: 0, y: 0 });
    state().select(["start"]);
    state().undo();
    expect(state().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["start"]);
  });

  it("holds at least 100 steps", () => {
    const { state, history, clock } = testStore();
    for (let i = 0; i < 150; i++) {
      state().updateTitle("check", `title ${i}`);
      clock.advance(2_000);
    }
    expect(history().pastStates.length).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 100; i++) state().undo();
    expect(state().nodes.find((n) => n.id === "check")!.data.title).toBe("title 49");
  });

  it("makes a paste, a delete and a layout one step each", () => {
    const { state, history } = testStore();
    state().select(["start", "check"]);
    state().duplicate();
    state().deleteSelection();
    state().applyLayout(new Map([["done", { x: 1, y: 2 }]]));
    expect(history().pastStates).toHaveLength(3);
  });
});

describe("editor store: save bookkeeping", () => {
  it("is dirty after an edit and clean once that version is saved", () => {
    const { state } = testStore();
    expect(isDirty(state())).toBe(false);
    state().updateTitle("check", "Amount?");
    const version = state().docVersion;
    expect(isDirty(state())).toBe(true);
    state().markSaved(version, 4);
    expect(isDirty(state())).toBe(false);
    expect(state().revision).toBe(4);
  });

  it("bumps the structure version for edits but not for moves", () => {
    const { state } = testStore();
    const structure = state().structureVersion;
    drag(state().onNodesChange, "check", [{ x: 1, y: 1 }]);
    expect(state().structureVersion).toBe(structure);
    expect(isDirty(state())).toBe(true);
    state().updateTitle("check", "x");
    expect(state().structureVersion).toBe(structure + 1);
  });

  it("replaces the graph from the server as clean, with no history", () => {
    const { state, history } = testStore();
    state().updateTitle("check", "mine");
    const theirs = smallGraph();
    theirs.nodes[1].data.title = "theirs";
    state().replaceGraph(theirs, 9);
    expect(state().nodes[1].data.title).toBe("theirs");
    expect(state().revision).toBe(9);
    expect(isDirty(state())).toBe(false);
    expect(history().pastStates).toHaveLength(0);
  });
});
