"use client";
// Start and end: pill-shaped, so the entry and the exits stand out in a large graph.
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { isRecord } from "@/lib/nodes/fields";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles } from "./handles";
import { outputRows } from "./output-rows";

function summary(config: unknown): string | undefined {
  if (!isRecord(config)) return undefined;
  const list = Array.isArray(config.fields) ? config.fields : Array.isArray(config.outputMapping) ? config.outputMapping : null;
  if (!list) return undefined;
  const what = Array.isArray(config.fields) ? "input" : "output";
  return list.length ? `${list.length} ${what}${list.length === 1 ? "" : "s"}` : undefined;
}

export const TerminalNode = memo(function TerminalNode({ id, type, data, selected }: NodeProps<FlowNode>) {
  const readOnly = useReadOnly();
  const rows = useMemo(() => outputRows({ type, data }), [type, data]);
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)} suggested={data.suggested} pinned={Boolean(data.pinned)} shape="pill" subtitle={summary(data.config)}>
      <OutputHandles rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
