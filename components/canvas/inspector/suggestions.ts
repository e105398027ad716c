// What an expression at a node can read, for the inspector's suggestion list: the run's input
// fields (`$input.<field>`, from the start node), the stored global and workflow variables and
// variables set upstream (`$vars.<name>`, from `set` nodes that can run before this one) and
// upstream outputs (`$nodes.<id>`, the output itself). Pure.
import { isRecord } from "@/lib/nodes/fields";
import { isPlainName } from "../graph/ids";

export interface Suggestion {
  value: string;
  /** Where it comes from, e.g. "Input field · number". */
  detail: string;
}

interface GraphLike {
  nodes: readonly { id: string; type?: string; data: { title: string; config: Record<string, unknown> } }[];
  edges: readonly { source: string; target: string }[];
}

/** Ids of every node from which `nodeId` can be reached (not itself, unless on a loop). */
export function upstreamOf(graph: GraphLike, nodeId: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e.source);
    else incoming.set(e.target, [e.source]);
  }
  const seen = new Set<string>();
  const stack = [...(incoming.get(nodeId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return seen;
}

const member = (name: string) => (isPlainName(name) ? `.${name}` : `.\`${name.replace(/`/g, "")}\``);

function listOf(config: unknown, key: string): Record<string, unknown>[] {
  return isRecord(config) && Array.isArray(config[key]) ? config[key].filter(isRecord) : [];
}

/** A stored (global or workflow) variable: every run starts with it in `$vars`. */
export interface KnownVariable {
  name: string;
  scope: "global" | "workflow";
  type: string;
  secret: boolean;
}

export function buildSuggestions(graph: GraphLike, nodeId: string, variables: readonly KnownVariable[] = []): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (value: string, detail: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, detail });
  };
  const upstream = upstreamOf(graph, nodeId);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const node of graph.nodes) {
    if (node.type !== "start") continue;
    for (const field of listOf(node.data.config, "fields")) {
      if (typeof field.name === "string" && field.name) add(`$input${member(field.name)}`, `Input field · ${String(field.type ?? "value")}`);
    }
  }
  for (const v of variables) {
    const where = v.scope === "global" ? "Global variable" : "Workflow variable";
    add(`$vars${member(v.name)}`, `${where} · ${v.secret ? "secret, for HTTP headers" : v.type}`);
  }
  for (const id of upstream) {
    const node = byId.get(id);
    if (node?.type !== "set") continue;
    for (const a of listOf(node.data.config, "assignments")) {
      if (typeof a.variable === "string" && a.variable) add(`$vars${member(a.variable)}`, `Variable set in “${node.data.title || id}”`);
    }
  }
  for (const id of upstream) {
    const node = byId.get(id);
    if (!node || node.type === "start") continue;
    add(`$nodes${member(id)}`, `Output of “${node.data.title || id}”`);
  }
  return out;
}

/** The name being typed at the cursor: a run of `$`, letters, digits, `_`, `.` and backticks. */
export function tokenAt(text: string, cursor: number): { start: number; end: number; token: string } {
  const isPart = (ch: string) => /[\w$.`]/.test(ch);
  let start = cursor;
  while (start > 0 && isPart(text[start - 1])) start--;
  let end = cursor;
  while (end < text.length && isPart(text[end])) end++;
  return { start, end, token: text.slice(start, cursor) };
}

/** Suggestions matching what is typed, best first; everything when nothing that looks like `$…` is. */
export function filterSuggestions(all: readonly Suggestion[], token: string): Suggestion[] {
  if (!token.startsWith("$")) return [...all];
  const t = token.toLowerCase();
  const bare = t.slice(1);
  const starts = all.filter((s) => s.value.toLowerCase().startsWith(t));
  // Then names whose later part matches: "$amo" finds "$input.amount".
  const later = all.filter((s) => !starts.includes(s) && bare !== "" && s.value.toLowerCase().includes(bare));
  return [...starts, ...later];
}

/** True when `cursor` sits inside a `{{ … }}` placeholder of a template. */
export function insidePlaceholder(text: string, cursor: number): boolean {
  const before = text.slice(0, cursor);
  const open = before.lastIndexOf("{{");
  return open >= 0 && before.lastIndexOf("}}") < open;
}

/**
 * Puts a suggestion in place of the name at the cursor. In a template, outside a placeholder,
 * it is wrapped as `{{ value }}` so it is read as an expression.
 */
export function applySuggestion(
  text: string,
  cursor: number,
  value: string,
  kind: "jsonata" | "template",
): { text: string; cursor: number } {
  const { start, end, token } = tokenAt(text, cursor);
  const [from, to] = token.startsWith("$") ? [start, end] : [cursor, cursor];
  const insert = kind === "template" && !insidePlaceholder(text, cursor) ? `{{ ${value} }}` : value;
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
