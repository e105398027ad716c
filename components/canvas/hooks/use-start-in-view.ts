"use client";
// After the initial fit: a workflow wider than the view at the fit's minimum zoom is centred by
// React Flow, which cuts off both ends. Workflows read left to right, so shift it to show its
// beginning instead. Runs once per opened canvas, and only when the fit stopped at its minimum
// zoom (the one case where it overflows), so a fit the user asked for meanwhile is left alone.
import { useEffect, useRef } from "react";
import { useNodesInitialized, useReactFlow } from "@xyflow/react";
import type { FlowEdge, FlowNode } from "../types";

const MARGIN = 24;

export function useStartInView(minZoom: number | undefined) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const initialized = useNodesInitialized({ includeHiddenNodes: true });
  const done = useRef(false);
  useEffect(() => {
    if (minZoom === undefined || !initialized || done.current) return;
    // The fit is applied when the nodes are measured; look one frame later.
    const frame = requestAnimationFrame(() => {
      done.current = true;
      const { x, y, zoom } = flow.getViewport();
      if (Math.abs(zoom - minZoom) > 1e-6) return;
      const bounds = flow.getNodesBounds(flow.getNodes());
      const left = bounds.x * zoom + x;
      if (left < MARGIN) void flow.setViewport({ x: x + MARGIN - left, y, zoom });
    });
    return () => cancelAnimationFrame(frame);
  }, [minZoom, flow, initialized]);
}
