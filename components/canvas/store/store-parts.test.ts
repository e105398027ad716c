import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Problem } from "@/lib/engine/validate";
import type { SaveGraphInput, SaveGraphResult } from "@/lib/workflows/contract";
import { toFlowGraph } from "../graph/convert";
import { Autosaver } from "./autosaver";
import { sameDoc } from "./history";
import { buildMarkers } from "./markers";
import { smallGraph, testStore } from "./test-fixtures";

describe("sameDoc", () => {
  const doc = toFlowGraph(smallGraph());
  it("ignores selection and measurements, notices moves, data and handles", () => {
    const selected = { nodes: doc.nodes.map((n) => ({ ...n, selected: true, measured: { width: 1, height: 2 } })), edges: doc.edges.map((e) => ({ ...e, selected: true })) };
    expect(sameDoc(doc, selected)).toBe(true);
    const moved = { ...doc, nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 0 } } : n)) };
    expect(sameDoc(doc, moved)).toBe(false);
    const edited = { ...doc, nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, data: { ...n.data } } : n)) };
    expect(sameDoc(doc, edited)).toBe(false);
    const rewired = { ...doc, edges: doc.edges.map((e, i) => (i === 1 ? { ...e, sourceHandle: "default" } : e)) };
    expect(sameDoc(doc, rewired)).toBe(false);
  });
});

describe("buildMarkers", () => {
  const problems: Problem[] = [
    { code: "invalid-config", severity: "error", nodeId: "a", message: "A: URL is required" },
    { code: "unconnected-output", severity: "warning", nodeId: "a", message: "A: error output unconnected" },
    { code: "cycle-without-decision", severity: "error", nodeIds: ["a", "b"], message: "A and B loop" },
  ];
  it("counts errors and warnings per node, loops included", () => {
    const markers = buildMarkers(problems);
    expect(markers.get("a")).toMatchObject({ errors: 2, warnings: 1 });
    expect(markers.get("b")).toMatchObject({ errors: 1, warnings: 0, text: "• A and B loop" });
  });
  it("reuses an unchanged marker so its node does not re-render", () => {
    const first = buildMarkers(problems);
    const second = buildMarkers(problems.slice(0, 2), first);
    expect(second.get("a")).not.toBe(first.get("a"));
    const third = buildMarkers(problems.slice(0, 2), second);
    expect(third.get("a")).toBe(second.get("a"));
    expect(third.has("b")).toBe(false);
  });
});

describe("Autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(answer: (input: SaveGraphInput) => SaveGraphResult | Promise<SaveGraphResult>) {
    const { store, state } = testStore();
    const sent: SaveGraphInput[] = [];
    const save = vi.fn(async (input: SaveGraphInput) => {
      sent.push(input);
      return answer(input);
    });
    const autosaver = new Autosaver(store, { workflowId: "wf1", save, delayMs: 800 });
    const stop = autosaver.start();
    return { store, state, save, sent, autosaver, stop };
  }

  it("saves once, 800 ms after the last change, with the revision and stored fields only", async () => {
    const { state, save, sent, autosaver } = setup((input) => ({ ok: true, revision: input.revision + 1, savedAt: "" }));
    state().select(["check"]);
    state().updateTitle("check", "A");
    await vi.advanceTimersByTimeAsync(500);
    state().updateTitle("check", "Amount?");
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(sent[0]).toMatchObject({ id: "wf1", revision: 3 });
    expect(sent[0].nodes.find((n) => n.id === "check")).toEqual({
      id: "check",
      type: "decision",
      position: { x: 300, y: 0 },
      data: { title: "Amount?", config: smallGraph().nodes[1].data.config },
    });
    expect(sent[0].force).toBeUndefined();
    expect(autosaver.getSnapshot()).toMatchObject({ status: "saved", dirty: false });
    expect(state().revision).toBe(4);
  });

  it("does not save selection changes", async () => {
    const { state, save } = setup(() => ({ ok: true, revision: 4, savedAt: "" }));
    state().select(["check", "done"]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(save).not.toHaveBeenCalled();
  });

  it("stops on a conflict, then reloads theirs or overwrites with force", async () => {
    const theirs = smallGraph();
    theirs.nodes[1].data.title = "Theirs";
    theirs.nodes.pop();
    let conflict = true;
    const { state, sent, autosaver } = setup((input) =>
      conflict && !input.force
        ? { ok: false, conflict: { revision: 7, ...theirs, lastEditorName: "Ada", updatedAt: "2026-11-22T10:00:00Z" } }
        : { ok: true, revision: 8, savedAt: "" },
    );
    state().updateTitle("check", "Mine");
    await vi.advanceTimersByTimeAsync(800);
    const snap = autosaver.getSnapshot();
    expect(snap.status).toBe("conflict");
    expect(snap.conflict?.diff.nodes).toEqual({ added: ["done"], removed: [], changed: ["check"], moved: [] });
    state().updateTitle("check", "Mine again");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1); // no autosave while the conflict is open

    await autosaver.overwrite();
    expect(sent[1]).toMatchObject({ force: true, revision: 3 });
    expect(autosaver.getSnapshot().status).toBe("saved");
    expect(state().revision).toBe(8);

    conflict = true;
    state().updateTitle("check", "Third");
    await vi.advanceTimersByTimeAsync(800);
    expect(autosaver.getSnapshot().status).toBe("conflict");
    autosaver.reloadTheirs();
    expect(state().nodes.find((n) => n.id === "check")!.data.title).toBe("Theirs");
    expect(state().revision).toBe(7);
    expect(autosaver.getSnapshot()).toMatchObject({ status: "saved", dirty: false, conflict: null });
  });

  it("reports a refusal or an unreachable server, and retries", async () => {
    let fail: "refuse" | "throw" | null = "refuse";
    const { state, autosaver } = setup(() => {
      if (fail === "throw") throw new Error("offline");
      return fail === "refuse" ? { ok: false, message: "The save was refused." } : { ok: true, revision: 4, savedAt: "" };
    });
    state().updateTitle("check", "x");
    await vi.advanceTimersByTimeAsync(800);
    expect(autosaver.getSnapshot()).toMatchObject({ status: "error", message: "The save was refused.", dirty: true });
    fail = "throw";
    await autosaver.retry();
    expect(autosaver.getSnapshot().message).toMatch(/reach the server/);
    fail = null;
    expect(await autosaver.retry()).toBe(true);
    expect(autosaver.getSnapshot()).toMatchObject({ status: "saved", dirty: false });
  });

  it("sends changes made during a save in the next one", async () => {
    let release: () => void = () => {};
    const { state, sent, autosaver } = setup(
      (input) => new Promise<SaveGraphResult>((resolve) => (release = () => resolve({ ok: true, revision: input.revision + 1, savedAt: "" }))),
    );
    state().updateTitle("check", "one");
    await vi.advanceTimersByTimeAsync(800);
    state().updateTitle("done", "two");
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosaver.getSnapshot().dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(800);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ revision: 4 });
    expect(autosaver.getSnapshot()).toMatchObject({ status: "saved", dirty: false });
  });
});
