"use client";
// Actions that need both the store and React Flow's viewport: placing a node in view, focusing
// nodes, auto-layout. Used by the palette, the toolbar, menus and the problems list.
import { useCallback } from "react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import type { XY } from "@/lib/workflow/types";
import { layoutGraph } from "../graph/layout";
import { freeSpot } from "../graph/placement";
import { NODE_SIZE } from "../types";
import { useEditorApi } from "../store/context";

export const GRID = 16;

/** Fits every node, mounted or not (off-screen nodes are culled; their sizes are known anyway). */
export const FIT_ALL = { duration: 300, padding: 0.15, includeHiddenNodes: true } as const;

export function useCanvasActions() {
  const store = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  /** The flow position at the middle of the visible canvas. */
  const viewportCenter = useCallback((): XY => {
    const rect = flowStore.getState().domNode?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [flow, flowStore]);

  /**
   * Once the inspector has opened beside the canvas for a new node (two frames on), pans the
   * node into view if it ended up under the panel or outside the view; the zoom stays.
   */
  const reveal = useCallback(
    (id: string) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const node = flow.getInternalNode(id);
          const { width, height } = flowStore.getState();
          if (!node || !width || !height) return;
          const { x, y, zoom } = flow.getViewport();
          const w = node.measured.width ?? NODE_SIZE.width;
          const h = node.measured.height ?? NODE_SIZE.height;
          const { x: nx, y: ny } = node.internals.positionAbsolute;
          const left = nx * zoom + x;
          const top = ny * zoom + y;
          if (left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height) return;
          void flow.setCenter(nx + w / 2, ny + h / 2, { zoom, duration: 200 });
        }),
      ),
    [flow, flowStore],
  );

  /** Adds a node at a flow position, or at a free spot near the middle of the view. */
  const addNode = useCallback(
    (type: string, at?: XY): string | null => {
      const center = at ?? freeSpot(viewportCenter(), store.getState().nodes);
      const id = store.getState().addNode(type, center);
      if (id) reveal(id);
      return id;
    },
    [reveal, store, viewportCenter],
  );

  /** Selects nodes (and edges) and brings them into view. */
  const focus = useCallback(
    (nodeIds: readonly string[], edgeIds: readonly string[] = []) => {
      const known = new Set(store.getState().nodes.map((n) => n.id));
      const ids = nodeIds.filter((id) => known.has(id));
      store.getState().select(ids, edgeIds);
      if (ids.length) void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.25, padding: 0.4, includeHiddenNodes: true });
    },
    [flow, store],
  );

  const autoLayout = useCallback(
    (snap: boolean) => {
      const { nodes, edges } = store.getState();
      store.getState().applyLayout(layoutGraph(nodes, edges, { grid: snap ? GRID : undefined }));
      requestAnimationFrame(() => void flow.fitView(FIT_ALL));
    },
    [flow, store],
  );

  const fitAll = useCallback(() => void flow.fitView(FIT_ALL), [flow]);

  return { viewportCenter, addNode, focus, autoLayout, fitAll, screenToFlowPosition: flow.screenToFlowPosition };
}
