// The "suggested" mark of AI-drafted nodes (lib/ai/draft): kept on node data as
// `suggested: true` until the designer touches the node — edits its settings or title, moves it,
// or confirms it — so a reader of the stored workflow sees which steps nobody has reviewed yet.
// Pure helpers for the designer store, which is the only place the mark is dropped.
import type { FlowNode, NodeData } from "../types";

/** The data without the mark; the same object when it had none (so nothing counts as changed). */
export function reviewed(data: NodeData): NodeData {
  if (!data.suggested) return data;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { suggested, ...rest } = data;
  return rest;
}

/** The nodes with the mark dropped from those in `ids`; the same array when none had it. */
export function markReviewed(nodes: FlowNode[], ids: ReadonlySet<string>): FlowNode[] {
  let changed = false;
  const next = nodes.map((n) => {
    if (!ids.has(n.id) || !n.data.suggested) return n;
    changed = true;
    return { ...n, data: reviewed(n.data) };
  });
  return changed ? next : nodes;
}

export const countSuggested = (nodes: readonly FlowNode[]) => nodes.reduce((sum, n) => sum + (n.data.suggested ? 1 : 0), 0);

const isEmptyList = (value: unknown) => !Array.isArray(value) || value.length === 0;

/** No steps, or just a blank workflow's unconfigured Start and End: where drafting is offered. */
export function isBlankCanvas(nodes: readonly FlowNode[]): boolean {
  if (nodes.length === 0) return true;
  if (nodes.length !== 2) return false;
  const start = nodes.find((n) => n.type === "start");
  const end = nodes.find((n) => n.type === "end");
  return Boolean(start && end && isEmptyList(start.data.config.fields) && isEmptyList(end.data.config.outputMapping));
}
