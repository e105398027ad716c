// Builders for validator tests: tiny graphs written in one line each. Test-only, but kept
// out of *.test.ts so several test files can share it.
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflow/types";

/** A config that passes its type's schema: defaults, with the blank-required fields filled. */
export const exampleConfigs: Record<string, Record<string, unknown>> = {
  action: { method: "GET", url: "https://example.com/{{ id }}", headers: [], body: "", timeoutMs: 30_000 },
  ai: { ...(getNodeDefinition("ai")?.defaults() as object), promptTemplate: "Summarise {{ text }}" },
  agent: { ...(getNodeDefinition("agent")?.defaults() as object), goal: "Find the status of order {{ id }}" },
  decision: { branches: [{ id: "big", label: "Big", condition: "amount > 100" }] },
  subprocess: { workflowId: "wf-child", inputMapping: [], waitForResult: true },
  notification: { channel: "in_app", recipients: ["u1"], subjectTemplate: "", bodyTemplate: "Done" },
  set: { assignments: [{ variable: "total", expression: "$sum(items.price)" }] },
};

export function exampleConfig(type: string): Record<string, unknown> {
  const config = exampleConfigs[type] ?? getNodeDefinition(type)?.defaults() ?? {};
  return structuredClone(config) as Record<string, unknown>;
}

export function node(id: string, type: string, config?: Record<string, unknown>, title = id): WorkflowNode {
  return { id, type, position: { x: 0, y: 0 }, data: { title, config: config ?? exampleConfig(type) } };
}

export function edge(source: string, target: string, sourceHandle?: string, id?: string): WorkflowEdge {
  const e: WorkflowEdge = { id: id ?? `${source}-${sourceHandle ?? ""}-${target}`, source, target };
  if (sourceHandle !== undefined) e.sourceHandle = sourceHandle;
  return e;
}

/**
 * A valid graph touching most rules: start → fetch → check; check "big" → approve, default →
 * done; approve's approve and reject → done; fetch's error → done.
 */
export function validGraph(): WorkflowGraph {
  return {
    nodes: [
      node("start", "start"),
      node("fetch", "action"),
      node("check", "decision"),
      node("approve", "human"),
      node("done", "end"),
    ],
    edges: [
      edge("start", "fetch"),
      edge("fetch", "check", "success"),
      edge("fetch", "done", "error"),
      edge("check", "approve", "big"),
      edge("check", "done", "default"),
      edge("approve", "done", "approve"),
      edge("approve", "done", "reject"),
    ],
  };
}
