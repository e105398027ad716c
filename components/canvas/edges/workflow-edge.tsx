"use client";
// Every connection: a curve with an arrow and its output's label, placed near the source so it
// sits in the gap after the source's column rather than on a node the curve passes; a decision
// branch's condition shows in full when the edge is selected (the node itself lists it too).
// Error paths are red and dashed; a comparison colours the stroke.
import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Position, type EdgeProps } from "@xyflow/react";
import { cn } from "@/lib/utils";
import { isErrorEdge } from "../graph/edge-meta";
import type { CompareStatus } from "../store/annotations-store";
import { useAnnotations } from "../store/context";
import type { FlowEdge } from "../types";
import { ARROW_ERROR_ID, ARROW_ID } from "./edge-markers";
import { edgeLabelPoint } from "./label-position";

const COMPARE_STROKE: Record<CompareStatus, string> = { added: "#10b981", changed: "#f59e0b", removed: "#ef4444", moved: "#0ea5e9" };

function preview(condition: string, max = 40): string {
  const flat = condition.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const WorkflowEdge = memo(function WorkflowEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  sourceHandleId,
  data,
  selected,
}: EdgeProps<FlowEdge>) {
  const compare = useAnnotations((s) => s.comparison?.edges.get(id));
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const leftToRight = sourcePosition === Position.Right && targetPosition === Position.Left;
  const { x: labelX, y: labelY } = leftToRight ? edgeLabelPoint({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }) : { x: midX, y: midY };
  const error = isErrorEdge(sourceHandleId);
  const stroke = compare ? COMPARE_STROKE[compare] : selected ? "var(--color-accent-500)" : error ? "#dc2626" : "#a1a1aa";
  const label = data?.label;
  const condition = data?.condition;
  const showCondition = Boolean(condition) && (selected || !label);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#${error ? ARROW_ERROR_ID : ARROW_ID})`}
        style={{ stroke, strokeWidth: selected || compare ? 2.5 : 1.5, strokeDasharray: error || compare === "removed" ? "6 4" : undefined }}
      />
      {(label || showCondition) && (
        <EdgeLabelRenderer>
          <div
            data-testid={`edge-label-${id}`}
            className={cn(
              "nodrag nopan pointer-events-auto absolute max-w-52 rounded-md border bg-white px-1.5 py-0.5 text-center text-[11px] leading-tight whitespace-nowrap shadow-sm dark:bg-zinc-900",
              selected && "z-10",
              error ? "border-red-300 text-red-700 dark:border-red-800 dark:text-red-400" : "border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300",
              selected && "border-accent-500",
            )}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={condition ? `${label ?? ""}${label ? ": " : ""}${condition}` : label}
          >
            {label && <div className="font-medium">{label}</div>}
            {showCondition && condition && <code className="block truncate font-mono text-[10px] text-zinc-500">{preview(condition)}</code>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
