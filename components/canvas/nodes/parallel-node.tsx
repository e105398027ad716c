"use client";
// Parallel: says whether it splits or joins, since both modes share one type and one shape.
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { isRecord } from "@/lib/nodes/fields";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles } from "./handles";
import { outputRows } from "./output-rows";

const MODE_TEXT: Record<string, string> = {
  split: "Split: all branches at once",
  join: "Join: waits for every branch",
};

export const ParallelNode = memo(function ParallelNode({ id, type, data, selected }: NodeProps<FlowNode>) {
  const readOnly = useReadOnly();
  const rows = useMemo(() => outputRows({ type, data }), [type, data]);
  const mode = isRecord(data.config) && typeof data.config.mode === "string" ? data.config.mode : "";
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)} suggested={data.suggested} pinned={Boolean(data.pinned)} subtitle={MODE_TEXT[mode]}>
      <OutputHandles rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
