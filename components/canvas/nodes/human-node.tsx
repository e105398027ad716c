"use client";
// A human task: approve (green) and reject (red) outputs (see output-rows.ts), and who handles it.
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { isRecord } from "@/lib/nodes/fields";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles } from "./handles";
import { outputRows } from "./output-rows";

function who(config: unknown): string | undefined {
  if (!isRecord(config)) return undefined;
  if (typeof config.assignee === "string" && config.assignee) return config.assignee;
  const roles = Array.isArray(config.candidateRoles) ? config.candidateRoles.filter((r) => typeof r === "string") : [];
  const users = Array.isArray(config.candidateUsers) ? config.candidateUsers.filter((r) => typeof r === "string") : [];
  const all = [...roles, ...users];
  return all.length ? all.join(", ") : undefined;
}

export const HumanNode = memo(function HumanNode({ id, type, data, selected }: NodeProps<FlowNode>) {
  const readOnly = useReadOnly();
  const rows = useMemo(() => outputRows({ type, data }), [type, data]);
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)} suggested={data.suggested} pinned={Boolean(data.pinned)} subtitle={who(data.config)}>
      <OutputHandles rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
