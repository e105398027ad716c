"use client";
// A human task: approve (green) and reject (red) outputs, and who handles it.
import { memo, useMemo } from "react";
import type { NodeProps } from "@xyflow/react";
import { getNodeOutputs } from "@/lib/nodes/registry";
import { isRecord } from "@/lib/nodes/fields";
import { useReadOnly } from "../store/context";
import type { FlowNode } from "../types";
import { NodeShell } from "./node-shell";
import { OutputHandles, type HandleTone, type OutputRow } from "./handles";

const TONES: Record<string, HandleTone> = { approve: "success", reject: "danger" };

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
  const rows = useMemo<OutputRow[]>(
    () => getNodeOutputs({ type, data }).map((h) => ({ ...h, tone: TONES[h.id] ?? (h.kind === "error" ? "error" : "default") })),
    [type, data],
  );
  return (
    <NodeShell id={id} type={type} title={data.title} selected={Boolean(selected)} subtitle={who(data.config)}>
      <OutputHandles nodeId={id} rows={rows} connectable={!readOnly} />
    </NodeShell>
  );
});
