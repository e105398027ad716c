"use client";
// The React Flow canvas bound to the editor store: nodes, edges and their change handlers come
// from the store through one shallow selector; node and edge types are module constants.
import { useCallback, useMemo, useState } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useStore,
  type Connection,
  type FitViewOptions,
  type IsValidConnection,
  type Node,
} from "@xyflow/react";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition, paletteGroups } from "@/lib/nodes/registry";
import type { XY } from "@/lib/workflow/types";
import { flowEdgeTypes } from "../edges/edge-types";
import { EdgeMarkers } from "../edges/edge-markers";
import { connectionRefusal } from "../graph/operations";
import { flowNodeTypes } from "../nodes/node-types";
import { withLayout } from "../nodes/node-layout";
import { FIT_ALL, GRID, useCanvasActions } from "../hooks/use-canvas-actions";
import { useStartInView } from "../hooks/use-start-in-view";
import { useEditor, useEditorApi, useReadOnly } from "../store/context";
import type { FlowEdge, FlowNode } from "../types";
import { CompareGhosts } from "./compare-ghosts";
import { ContextMenu, type MenuItem } from "./context-menu";
import { PALETTE_MIME } from "./palette";
import { useResolvedTheme } from "@/lib/theme/use-theme";

interface MenuState {
  x: number;
  y: number;
  at: XY;
  on: "node" | "edge" | "pane";
}

const minimapColor = (node: Node) => getNodeDefinition(node.type ?? "")?.color ?? "#a1a1aa";
const SNAP: [number, number] = [GRID, GRID];
const MINIMAP_SIZE = { width: 160, height: 104 };
/** The smallest canvas that shows the minimap beside the zoom controls without crowding. */
export const MINIMAP_MIN = { width: 440, height: 360 };

export function FlowCanvas({
  snapToGrid,
  clipboard,
}: {
  snapToGrid: boolean;
  clipboard: { copy: () => Promise<number>; paste: (at?: XY) => Promise<void> };
}) {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  const theme = useResolvedTheme();
  const actions = useCanvasActions();
  const [menu, setMenu] = useState<MenuState | null>(null);
  // Decided once, at open: a big graph opens on its start node at a readable zoom, so only the
  // nodes around it are mounted (their sizes are known without rendering them: node-layout.ts);
  // "fit view" (Shift+1, the controls) shows everything.
  const [initialFit] = useState(() => initialFitOptions(store.getState().nodes));
  // On a really small canvas (a phone) the minimap would cover the nodes; the zoom controls and
  // "fit view" remain. Beside the palette and the inspector at 1440 px the canvas is ~670 px wide,
  // and the minimap (160×104) must stay there: that is when the overview helps most.
  const roomy = useStore((s) => s.width >= MINIMAP_MIN.width && s.height >= MINIMAP_MIN.height);
  const { onInit, ready } = useStartInView(initialFit, initialFit.nodes ? undefined : initialFit.minZoom);
  const { nodes: storeNodes, edges, onNodesChange, onEdgesChange, onConnect } = useEditor(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      onConnect: s.onConnect,
    })),
  );

  // React Flow gets each node with its precomputed size and handles, so it measures none.
  const nodes = useMemo(() => storeNodes.map(withLayout), [storeNodes]);

  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>(
    (c: FlowEdge | Connection) => connectionRefusal(store.getState().edges, c) === null,
    [store],
  );

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || readOnly) return;
      event.preventDefault();
      actions.addNode(type, actions.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [actions, readOnly],
  );

  const openMenu = useCallback(
    (event: React.MouseEvent | MouseEvent, on: MenuState["on"]) => {
      event.preventDefault();
      setMenu({ x: event.clientX, y: event.clientY, at: actions.screenToFlowPosition({ x: event.clientX, y: event.clientY }), on });
    },
    [actions],
  );

  const onNodeContextMenu = useCallback(
    (event: React.MouseEvent, node: FlowNode) => {
      if (!node.selected) store.getState().select([node.id]);
      openMenu(event, "node");
    },
    [openMenu, store],
  );

  const onEdgeContextMenu = useCallback(
    (event: React.MouseEvent, edge: FlowEdge) => {
      store.getState().select([], [edge.id]);
      openMenu(event, "edge");
    },
    [openMenu, store],
  );

  const onSelectionContextMenu = useCallback((event: React.MouseEvent) => openMenu(event, "node"), [openMenu]);
  const onPaneContextMenu = useCallback((event: React.MouseEvent | MouseEvent) => openMenu(event, "pane"), [openMenu]);
  const closeMenu = useCallback(() => setMenu(null), []);

  const menuItems = (m: MenuState): MenuItem[] => {
    const s = store.getState();
    if (m.on === "edge") {
      return [{ label: "Delete connection", shortcut: "Del", danger: true, disabled: readOnly, onSelect: () => s.deleteSelection() }];
    }
    const hasSelection = s.nodes.some((n) => n.selected);
    const onNode = m.on === "node";
    const items: MenuItem[] = [];
    if (onNode || hasSelection) {
      items.push(
        { label: "Duplicate", shortcut: "Ctrl+D", disabled: readOnly, onSelect: () => s.duplicate() },
        { label: "Copy", shortcut: "Ctrl+C", onSelect: () => void clipboard.copy() },
      );
    }
    if (!onNode) {
      items.push({ label: "Paste here", shortcut: "Ctrl+V", disabled: readOnly, onSelect: () => void clipboard.paste(m.at) });
      items.push({
        label: "Add node here",
        disabled: readOnly,
        items: paletteGroups().flatMap((g) => g.items.map((d) => ({ label: d.label, onSelect: () => actions.addNode(d.type, m.at) }))),
      });
      items.push({ label: "Select all", shortcut: "Ctrl+A", onSelect: () => s.selectAll() });
    }
    if (onNode || hasSelection) {
      items.push({ label: "Delete", shortcut: "Del", danger: true, disabled: readOnly, onSelect: () => s.deleteSelection() });
    }
    return items;
  };

  return (
    <div className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        data-testid="canvas"
        className={ready ? undefined : "invisible"}
        aria-label="Workflow canvas"
        nodes={nodes}
        edges={edges}
        nodeTypes={flowNodeTypes}
        edgeTypes={flowEdgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        zoomOnDoubleClick={false}
        onInit={onInit}
        colorMode={theme}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onSelectionContextMenu={onSelectionContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onPaneClick={closeMenu}
        onMoveStart={closeMenu}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
        <CompareGhosts />
        {roomy && <MiniMap<FlowNode> pannable zoomable nodeColor={minimapColor} ariaLabel="Overview of the workflow" style={MINIMAP_SIZE} />}
        <Controls showInteractive={false} fitViewOptions={FIT_ALL} aria-label="Zoom and fit" />
      </ReactFlow>
      {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems(menu)} onClose={closeMenu} />}
    </div>
  );
}

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];

/** The initial fit zooms out no further than this: below it, node titles become hard to read. */
export const FIT_MIN_ZOOM = 0.6;

/** Above this many nodes the designer opens on the start node instead of fitting everything. */
export const LARGE_GRAPH = 300;

function initialFitOptions(nodes: readonly FlowNode[]): FitViewOptions<FlowNode> {
  // A workflow opens readable: never below FIT_MIN_ZOOM, even if its far ends then sit outside
  // the view (the minimap and "fit view" show the rest).
  const base = { includeHiddenNodes: true, padding: 0.1, maxZoom: 1, minZoom: FIT_MIN_ZOOM };
  if (nodes.length <= LARGE_GRAPH) return base;
  const start = nodes.find((n) => n.type === "start") ?? nodes[0];
  return { ...base, nodes: [{ id: start.id }], maxZoom: 0.8, minZoom: 0.8 };
}

