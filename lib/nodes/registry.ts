// The one map from node type to definition. Adding a node type means adding its folder and
// one line below; nothing else learns its name. Only definitions live here, so the canvas can
// import this file: executors (lib/nodes/<type>/executor.ts, server-only) get their own map.
import { actionDefinition } from "./action/definition";
import { agentDefinition } from "./agent/definition";
import { aiDefinition } from "./ai/definition";
import { decisionDefinition } from "./decision/definition";
import { endDefinition } from "./end/definition";
import { humanDefinition } from "./human/definition";
import { notificationDefinition } from "./notification/definition";
import { parallelDefinition } from "./parallel/definition";
import { scriptDefinition } from "./script/definition";
import { setDefinition } from "./set/definition";
import { startDefinition } from "./start/definition";
import { subprocessDefinition } from "./subprocess/definition";
import { timerDefinition } from "./timer/definition";
import type { HandleDef, NodeCategory, NodeDefinition } from "./types";

const definitions = {
  start: startDefinition,
  end: endDefinition,
  action: actionDefinition,
  ai: aiDefinition,
  agent: agentDefinition,
  human: humanDefinition,
  decision: decisionDefinition,
  parallel: parallelDefinition,
  timer: timerDefinition,
  script: scriptDefinition,
  subprocess: subprocessDefinition,
  notification: notificationDefinition,
  set: setDefinition,
} satisfies Record<string, NodeDefinition>;

export type NodeType = keyof typeof definitions;

export const nodeTypes = Object.keys(definitions) as NodeType[];

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(definitions, type);
}

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return isNodeType(type) ? definitions[type] : undefined;
}

/** A node's outputs from its stored config; none for an unknown type. */
export function getNodeOutputs(node: { type: string; data: { config: unknown } }): HandleDef[] {
  return getNodeDefinition(node.type)?.outputs(node.data.config) ?? [];
}

/** Palette sections, in the order they are shown. */
export const nodeCategories: readonly { id: NodeCategory; label: string }[] = [
  { id: "flow", label: "Flow" },
  { id: "logic", label: "Logic" },
  { id: "people", label: "People" },
  { id: "ai", label: "AI" },
  { id: "integrations", label: "Integrations" },
  { id: "data", label: "Data" },
];

export interface PaletteGroup {
  category: NodeCategory;
  label: string;
  items: NodeDefinition[];
}

/** Definitions grouped by category for the palette; empty categories are left out. */
export function paletteGroups(): PaletteGroup[] {
  const all: NodeDefinition[] = nodeTypes.map((type) => definitions[type]);
  return nodeCategories
    .map(({ id, label }) => ({ category: id, label, items: all.filter((d) => d.category === id) }))
    .filter((group) => group.items.length > 0);
}
