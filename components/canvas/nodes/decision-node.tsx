"use client";
// A decision: one labelled output per branch, each with a preview of its condition, then the
// fallback ("Otherwise"). The rows (and so the node's height) follow the branches in the config.
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles } from "./handles";
import { outputRows } from "./output-rows";

export const DecisionNode = memo(function DecisionNode({ id, type, data, selected }: NodeProps<FlowNode>) {
  const readOnly = useReadOnly();
  const rows = useMemo(() => outputRows({ type, data }), [type, data]);
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)} suggested={data.suggested} pinned={Boolean(data.pinned)}>
      <OutputHandles rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
