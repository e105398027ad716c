"use client";
// Labelled handles. Inputs sit on the left edge, outputs on the right, one row per output with
// its label; error outputs are red diamonds with a dashed row so they read as "when it fails".
// Every height here comes from node-layout.ts, which tells React Flow where the handles are
// without measuring them: change a size there, never here.
import { memo } from "react";
import { Handle, Position } from "@xyflow/react";
import type { HandleDef } from "@/lib/nodes/types";
import { cn } from "@/lib/utils";
import { ERROR_ROW_RULE, HANDLE_SIZE, INPUT_TOP, LIST_PADDING, LIST_RULE, rowHeight } from "./node-layout";
import type { HandleTone, OutputRow } from "./output-rows";

export type { HandleTone, OutputRow };

const TONE_COLOR: Record<HandleTone, string> = {
  default: "#71717a",
  error: "#dc2626",
  success: "#16a34a",
  danger: "#dc2626",
};

export function handleStyle(tone: HandleTone, connectable: boolean): React.CSSProperties {
  const color = TONE_COLOR[tone];
  const base: React.CSSProperties = {
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
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
      style={{ ...handleStyle("default", connectable), top: INPUT_TOP }}
    />
  );
});

const LIST_STYLE: React.CSSProperties = { borderTopWidth: LIST_RULE, paddingBlock: LIST_PADDING };

export const OutputHandles = memo(function OutputHandles({ rows, connectable }: { rows: readonly OutputRow[]; connectable: boolean }) {
  if (rows.length === 0) return null;
  return (
    <ul className="border-zinc-100 dark:border-zinc-800" style={LIST_STYLE}>
      {rows.map((row) => {
        const tone = row.tone;
        return (
          <li
            key={row.id}
            data-handle={row.id}
            style={{ height: rowHeight(row), borderTopWidth: tone === "error" ? ERROR_ROW_RULE : 0 }}
            className={cn(
              "relative flex flex-col items-end justify-center pr-4 pl-3 text-right text-xs",
              tone === "error" && "border-dashed border-red-200 text-red-700 dark:border-red-900 dark:text-red-400",
              tone === "success" && "text-emerald-700 dark:text-emerald-400",
              tone === "danger" && "text-red-700 dark:text-red-400",
            )}
          >
            <span className="max-w-full truncate leading-4 font-medium">{row.label}</span>
            {row.detail && (
              <code className="max-w-full truncate font-mono text-[10px] leading-3 text-zinc-500" title={row.detail}>
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
