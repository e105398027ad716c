// Tiny graphs for the designer's unit tests (kept out of *.test.ts so several files share it).
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";
import { createEditorStore, type EditorStoreOptions } from "./editor-store";

export function wfNode(id: string, type: string, x = 0, y = 0, config?: Record<string, unknown>): WorkflowNode {
  const defaults = (getNodeDefinition(type)?.defaults() ?? {}) as Record<string, unknown>;
  return { id, type, position: { x, y }, data: { title: id, config: config ?? structuredClone(defaults) } };
}

export function wfEdge(id: string, source: string, target: string, sourceHandle?: string): WorkflowEdge {
  return sourceHandle ? { id, source, target, sourceHandle } : { id, source, target };
}

/** start → check (decision: "big" → approve, default → done) ; approve → done. */
export function smallGraph(): WorkflowGraph {
  return {
    nodes: [
      wfNode("start", "start", 0, 0),
      wfNode("check", "decision", 300, 0, { branches: [{ id: "big", label: "Big", condition: "amount > 100" }] }),
      wfNode("approve", "human", 600, -100),
      wfNode("done", "end", 900, 0),
    ],
    edges: [
      wfEdge("e1", "start", "check"),
      wfEdge("e2", "check", "approve", "big"),
      wfEdge("e3", "check", "done", "default"),
      wfEdge("e4", "approve", "done", "approve"),
    ],
  };
}

/** A store over smallGraph with a clock the test moves by hand. */
export function testStore(options: EditorStoreOptions & { readOnly?: boolean } = {}) {
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  const store = createEditorStore({ ...smallGraph(), revision: 3, readOnly: options.readOnly }, { now: clock.now, ...options });
  const history = () => store.temporal.getState();
  return { store, clock, history, state: () => store.getState() };
}
