"use client";
// The red dot with a count on a node that has problems; the messages are its tooltip.
import { memo } from "react";
import { useAnnotations } from "../store/context";
import { cn } from "@/lib/utils";

export const NodeMarker = memo(function NodeMarker({ nodeId }: { nodeId: string }) {
  const marker = useAnnotations((s) => s.markers.get(nodeId));
  if (!marker) return null;
  const count = marker.errors + marker.warnings;
  const what = marker.errors ? `${marker.errors} error${marker.errors === 1 ? "" : "s"}` : `${count} warning${count === 1 ? "" : "s"}`;
  return (
    <span
      data-testid={`node-marker-${nodeId}`}
      role="img"
      aria-label={`${what}: ${marker.text}`}
      title={marker.text}
      className={cn(
        "absolute -top-2 -right-2 flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[11px] font-semibold text-white shadow ring-2 ring-white dark:ring-zinc-900",
        marker.errors ? "bg-red-600" : "bg-amber-500",
      )}
    >
      {count}
    </span>
  );
});
