// Small builders so each template reads as a list of steps. Pure; used by the templates only.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode, WorkflowSettings } from "@/lib/workflow/types";
import type { WorkflowTemplateId } from "./ids";

export interface WorkflowTemplate {
  id: WorkflowTemplateId;
  name: string;
  description: string;
  tags: string[];
  category: string;
  /** A fresh copy each call, so a caller can never change the template itself. */
  build: () => WorkflowGraph & { settings?: Partial<WorkflowSettings> };
}

/** Columns and rows of the left-to-right layout, in canvas pixels. A column leaves a 90 px gap
 *  after a 240 px node: room for an edge's label ("Approve", "On error") between the nodes. */
export const COLUMN = 330;
export const ROW = 160;

export function step(
  id: string,
  type: string,
  [column, row]: [number, number],
  title: string,
  config: Record<string, unknown>,
): WorkflowNode {
  return { id, type, position: { x: column * COLUMN, y: row * ROW }, data: { title, config } };
}

export function link(source: string, target: string, options: { handle?: string; label?: string; condition?: string } = {}): WorkflowEdge {
  const out: WorkflowEdge = { id: `e_${source}_${options.handle ?? "out"}_${target}`, source, target };
  if (options.handle) out.sourceHandle = options.handle;
  if (options.label) out.label = options.label;
  if (options.condition) out.condition = options.condition;
  return out;
}
