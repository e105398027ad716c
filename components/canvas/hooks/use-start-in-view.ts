"use client";
// The opening view: the initial fit, then, for a workflow wider than the view at the fit's
// minimum zoom (React Flow centres it, which cuts off both ends), a shift to show its beginning,
// since workflows read left to right. Done from onInit, once React Flow can move the view: nodes
// come with their sizes (nodes/node-layout.ts), so there is no "measured" moment to wait for,
// and awaiting the fit orders the two steps. `ready` turns true once the view is placed: until
// then the canvas stays hidden, so it never shows a frame at React Flow's default view.
import { useCallback, useState } from "react";
import type { FitViewOptions, OnInit } from "@xyflow/react";
import type { FlowEdge, FlowNode } from "../types";

const MARGIN = 24;

/** `shiftAtZoom`: the fit's minimum zoom when the start should be shown; undefined for never. */
export function useStartInView(
  fit: FitViewOptions<FlowNode>,
  shiftAtZoom: number | undefined,
): { onInit: OnInit<FlowNode, FlowEdge>; ready: boolean } {
  const [ready, setReady] = useState(false);
  const onInit = useCallback<OnInit<FlowNode, FlowEdge>>(
    async (flow) => {
      try {
        await flow.fitView(fit);
        if (shiftAtZoom === undefined) return;
        const { x, y, zoom } = flow.getViewport();
        if (Math.abs(zoom - shiftAtZoom) > 1e-6) return;
        const bounds = flow.getNodesBounds(flow.getNodes());
        const left = bounds.x * zoom + x;
        if (left < MARGIN) await flow.setViewport({ x: x + MARGIN - left, y, zoom });
      } finally {
        setReady(true);
      }
    },
    [fit, shiftAtZoom],
  );
  return { onInit, ready };
}
