// React Flow's nodeTypes, at module scope so the map never changes identity. Every registry
// type gets the generic look unless it has a special one here; "default" catches types the
// registry does not know (an old document), drawn generically with an "Unknown type" label.
import type { NodeTypes } from "@xyflow/react";
import { nodeTypes as registryTypes } from "@/lib/nodes/registry";
import { DecisionNode } from "./decision-node";
import { GenericNode } from "./generic-node";
import { HumanNode } from "./human-node";
import { ParallelNode } from "./parallel-node";
import { TerminalNode } from "./terminal-node";

const SPECIAL_LOOKS: Record<string, NodeTypes[string]> = {
  start: TerminalNode,
  end: TerminalNode,
  decision: DecisionNode,
  human: HumanNode,
  parallel: ParallelNode,
};

export const flowNodeTypes: NodeTypes = {
  default: GenericNode,
  ...Object.fromEntries(registryTypes.map((type) => [type, SPECIAL_LOOKS[type] ?? GenericNode])),
};
