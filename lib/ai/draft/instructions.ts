// What a model is told when it drafts a workflow: the document format the importer reads and the
// node types it may use, each with its outputs and an example config, all generated from the node
// registry so a new node type is offered without anyone editing this file. Pure.
import { getNodeDefinition, nodeTypes } from "@/lib/nodes/registry";
import { DRAFT_MARKER } from "./simulated-draft";

function nodeCatalog(): string {
  return nodeTypes
    .map((type) => {
      const definition = getNodeDefinition(type)!;
      const example = definition.defaults();
      const outputs = definition.outputs(example).map((h) => `"${h.id}" (${h.label})`).join(", ") || "none";
      return `- ${type}: ${definition.description} Outputs: ${outputs}. Example config: ${JSON.stringify(example)}`;
    })
    .join("\n");
}

export function draftSystemPrompt(): string {
  return [
    DRAFT_MARKER,
    "You design business workflows for Switchyard. From the user's sentence, answer with ONE workflow as JSON:",
    '{ "name": string, "description": string, "nodes": [{ "id", "type", "position": {"x","y"}, "data": { "title", "config" } }], "edges": [{ "id", "source", "target", "sourceHandle"?, "label"?, "condition"? }] }',
    "Rules: exactly one start node; every path ends at an end node; ids use only letters, digits, - and _;",
    'an edge leaving a node with several outputs names the output in sourceHandle (a decision\'s branch id or "default", a human task\'s "approve"/"reject", "success" of an HTTP call, "out" of an AI step);',
    "conditions and expressions are JSONata over $input (the run's input, declared as fields of the start node) and $nodes.<id> (earlier steps' outputs);",
    "templates put expressions in {{ }}; human tasks name candidateRoles (admin, designer, approver, manager); AI steps use provider \"simulated\" and model \"simulated\" unless told otherwise;",
    "leave a value you cannot know (a real URL, a recipient) as a clear placeholder.",
    "Node types:",
    nodeCatalog(),
  ].join("\n");
}

/** The message that sends a refused answer back for one repair. */
export function repairPrompt(errors: string): string {
  return `Your answer was refused: ${errors}. Answer again with the whole corrected workflow, as JSON only.`;
}
