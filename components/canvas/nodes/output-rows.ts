// What a node lists under its header: one row per output, with its colour and, for a decision
// branch, its condition. Pure, so the node looks and the size computation (node-layout.ts) read
// the very same rows: a row drawn is a row counted.
import { getNodeOutputs } from "@/lib/nodes/registry";
import { isRecord } from "@/lib/nodes/fields";
import type { HandleDef } from "@/lib/nodes/types";

export type HandleTone = "default" | "error" | "success" | "danger";

export interface OutputRow extends HandleDef {
  tone: HandleTone;
  /** A second line under the label, e.g. a branch condition. */
  detail?: string;
}

/** A human task's approve and reject outputs read green and red. */
const HUMAN_TONES: Record<string, HandleTone> = { approve: "success", reject: "danger" };

function branchConditions(config: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isRecord(config) || !Array.isArray(config.branches)) return map;
  for (const b of config.branches) {
    if (isRecord(b) && typeof b.id === "string" && typeof b.condition === "string") map.set(b.id, b.condition);
  }
  return map;
}

export function outputRows(node: { type: string; data: { config: unknown } }): OutputRow[] {
  const conditions = node.type === "decision" ? branchConditions(node.data.config) : null;
  return getNodeOutputs(node).map((h) => {
    const tone = (node.type === "human" ? HUMAN_TONES[h.id] : undefined) ?? (h.kind === "error" ? "error" : "default");
    if (!conditions?.has(h.id)) return { ...h, tone };
    return { ...h, tone, detail: conditions.get(h.id)?.trim() || "(no condition yet)" };
  });
}
