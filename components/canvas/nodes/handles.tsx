"use client";
// Labelled handles. Inputs sit on the left edge, outputs on the right, one row per output with
// its label; error outputs are red diamonds with a dashed row so they read as "when it fails".
import { memo, useEffect, useRef } from "react";
import { Handle, Position, useUpdateNodeInternals } from "@xyflow/react";
import type { HandleDef } from "@/lib/nodes/types";
import { cn } from "@/lib/utils";

export type HandleTone = "default" | "error" | "success" | "danger";

export interface OutputRow extends HandleDef {
  tone?: HandleTone;
  /** A second line under the label, e.g. a branch condition. */
  detail?: string;
}

const TONE_COLOR: Record<HandleTone, string> = {
  default: "#71717a",
  error: "#dc2626",
  success: "#16a34a",
  danger: "#dc2626",
};

export function handleStyle(tone: HandleTone, connectable: boolean): React.CSSProperties {
  const color = TONE_COLOR[tone];
  const base: React.CSSProperties = {
    width: 12,
    height: 12,
    background: tone === "default" ? "white" : color,
    border: `2px solid ${color}`,
    cursor: connectable ? "crosshair" : "default",
  };
  // An error output is a square turned into a diamond: a different shape, not only a colour.
  return tone === "error" ? { ...base, borderRadius: 2, transform: "translate(50%, -50%) rotate(45deg)" } : base;
}

export const InputHandle = memo(function InputHandle({ handle, connectable }: { handle: HandleDef; connectable: boolean }) {
  return (
    <Handle
      type="target"
      position={Position.Left}
      id={handle.id}
      isConnectable={connectable}
      title={handle.label}
      aria-label={`Input: ${handle.label}`}
      style={{ ...handleStyle("default", connectable), top: 28 }}
    />
  );
});

export const OutputHandles = memo(function OutputHandles({
  nodeId,
  rows,
  connectable,
}: {
  nodeId: string;
  rows: readonly OutputRow[];
  connectable: boolean;
}) {
  const updateNodeInternals = useUpdateNodeInternals();
  const key = rows.map((r) => r.id).join("\u0000");
  const measuredKey = useRef(key);
  // Handles that come and go with the config (decision branches) must be re-measured; not on
  // mount, which React Flow measures anyway (1,000 nodes would mean 1,000 extra passes).
  useEffect(() => {
    if (measuredKey.current === key) return;
    measuredKey.current = key;
    updateNodeInternals(nodeId);
  }, [key, nodeId, updateNodeInternals]);
  if (rows.length === 0) return null;
  return (
    <ul className="border-t border-zinc-100 py-1 dark:border-zinc-800">
      {rows.map((row) => {
        const tone = row.tone ?? (row.kind === "error" ? "error" : "default");
        return (
          <li
            key={row.id}
            data-handle={row.id}
            className={cn(
              "relative flex min-h-7 flex-col items-end justify-center py-0.5 pr-4 pl-3 text-right text-xs",
              tone === "error" && "border-t border-dashed border-red-200 text-red-700 dark:border-red-900 dark:text-red-400",
              tone === "success" && "text-emerald-700 dark:text-emerald-400",
              tone === "danger" && "text-red-700 dark:text-red-400",
            )}
          >
            <span className="max-w-full truncate font-medium">{row.label}</span>
            {row.detail && (
              <code className="max-w-full truncate font-mono text-[10px] text-zinc-500" title={row.detail}>
                {row.detail}
              </code>
            )}
            <Handle
              type="source"
              position={Position.Right}
              id={row.id}
              isConnectable={connectable}
              title={row.kind === "error" ? `${row.label} (taken when the step fails)` : row.label}
              aria-label={`Output: ${row.label}`}
              style={handleStyle(tone, connectable)}
            />
          </li>
        );
      })}
    </ul>
  );
});
