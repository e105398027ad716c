"use client";
// A decision: one labelled output per branch, each with a preview of its condition, then the
// fallback ("Otherwise").
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { getNodeOutputs } from "@/lib/nodes/registry";
import { isRecord } from "@/lib/nodes/fields";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles, type OutputRow } from "./handles";

function conditions(config: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!isRecord(config) || !Array.isArray(config.branches)) return map;
  for (const b of config.branches) {
    if (isRecord(b) && typeof b.id === "string" && typeof b.condition === "string") map.set(b.id, b.condition);
  }
  return map;
}

export const DecisionNode = memo(function DecisionNode({ id, type, data, selected }: NodeProps<FlowNode>) {
  const readOnly = useReadOnly();
  const rows = useMemo<OutputRow[]>(() => {
    const byId = conditions(data.config);
    return getNodeOutputs({ type, data }).map((h) => {
      const condition = byId.get(h.id)?.trim();
      return { ...h, detail: condition || (byId.has(h.id) ? "(no condition yet)" : undefined) };
    });
  }, [type, data]);
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)}>
      <OutputHandles nodeId={id} rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
