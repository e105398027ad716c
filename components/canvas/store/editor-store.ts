// The designer's one store: the graph (nodes, edges), React Flow's change handlers, the domain
// actions, and the bookkeeping autosave needs. Wrapped in zundo's `temporal`, which tracks only
// nodes and edges; HistoryGrouper decides what counts as one undo step. Created once per editor
// (see context.tsx), so two open workflows never share state.
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { temporal } from "zundo";
import { createStore } from "zustand";
import type { PinnedOutput, WorkflowGraph, XY } from "@/lib/workflow/types";
import { toFlowGraph } from "../graph/convert";
import { refreshOutgoingEdges } from "../graph/edge-meta";
import {
  connect,
  copySelection,
  createNode,
  deleteSelected,
  moveNodes,
  pasteFragment,
  replaceNodeData,
  selectEdges,
  selectNodes,
  type GraphFragment,
} from "../graph/operations";
import { markReviewed, reviewed } from "../graph/suggested";
import type { FlowEdge, FlowNode, GraphDoc, NodeData } from "../types";
import { HistoryGrouper, partializeDoc, sameDoc } from "./history";

export const HISTORY_LIMIT = 200;

export interface EditorState extends GraphDoc {
  readOnly: boolean;
  /** The server revision the local copy is based on. */
  revision: number;
  /** Bumped by every change to the stored document (not by selection or a drag in progress). */
  docVersion: number;
  /** Bumped by changes that can change validation: everything but positions. */
  structureVersion: number;
  /** docVersion as last saved; the copy is dirty while they differ. */
  savedVersion: number;

  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  onConnect: (connection: Connection) => void;

  /** Adds a node centred on a flow position and selects it; its id, or null. */
  addNode: (type: string, center: XY) => string | null;
  updateNodeConfig: (id: string, config: Record<string, unknown>, field?: string) => void;
  updateTitle: (id: string, title: string) => void;
  /** Pins a step's output on the node (test runs of the draft reuse it), or unpins it with null. */
  setPinned: (id: string, pinned: PinnedOutput | null) => void;
  deleteSelection: () => void;
  duplicate: () => string[];
  paste: (fragment: GraphFragment, at?: XY) => string[];
  applyLayout: (positions: ReadonlyMap<string, XY>) => void;
  /** The designer confirms AI-suggested nodes as they are: drops their "suggested" mark (all when no ids). */
  confirmSuggested: (nodeIds?: readonly string[]) => void;
  /** Puts a drafted graph on the canvas as one undoable edit (the empty canvas's "Describe what should happen"). */
  applyDraft: (graph: WorkflowGraph) => void;
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  selectAll: () => void;
  undo: () => void;
  redo: () => void;
  /** Takes a graph from the server (reload theirs, a restored version): not dirty, no history. */
  replaceGraph: (graph: WorkflowGraph, revision: number) => void;
  markSaved: (docVersion: number, revision: number) => void;
}

export interface EditorInit extends WorkflowGraph {
  revision: number;
  readOnly?: boolean;
}

export interface EditorStoreOptions {
  now?: () => number;
  historyLimit?: number;
  /** How long edits with the same key (typing in one field) merge into one undo step. */
  burstMs?: number;
}

const bump = (s: EditorState, structural: boolean) => ({
  docVersion: s.docVersion + 1,
  structureVersion: structural ? s.structureVersion + 1 : s.structureVersion,
});

export const isDirty = (s: Pick<EditorState, "docVersion" | "savedVersion">) => s.docVersion !== s.savedVersion;

export function createEditorStore(init: EditorInit, options: EditorStoreOptions = {}) {
  const grouper = new HistoryGrouper(options.now, options.burstMs);
  const flow = toFlowGraph(init);

  const store = createStore<EditorState>()(
    temporal<EditorState, [], [], GraphDoc>(
      (set, get) => {
        /** Runs a document edit unless the editor is read-only. */
        const edit = (update: (s: EditorState) => Partial<EditorState> | null) => {
          if (get().readOnly) return;
          set((s) => update(s) ?? {});
        };
        const selectedIds = (s: GraphDoc) => ({
          nodes: new Set(s.nodes.filter((n) => n.selected).map((n) => n.id)),
          edges: new Set(s.edges.filter((e) => e.selected).map((e) => e.id)),
        });
        /** After undo/redo: keep what the user has selected now, not what was selected then. */
        const travel = (go: () => void) => {
          grouper.breakBurst();
          const selection = selectedIds(get());
          go();
          set((s) => ({ nodes: selectNodes(s.nodes, selection.nodes), edges: selectEdges(s.edges, selection.edges), ...bump(s, true) }));
        };

        return {
          nodes: flow.nodes,
          edges: flow.edges,
          readOnly: init.readOnly ?? false,
          revision: init.revision,
          docVersion: 0,
          structureVersion: 0,
          savedVersion: 0,

          onNodesChange: (incoming) => {
            const changes = get().readOnly ? incoming.filter((c) => c.type === "select" || c.type === "dimensions") : incoming;
            if (changes.length === 0) return;
            let doc = false;
            let structural = false;
            let dragFrame = false;
            const moved = new Set<string>();
            for (const c of changes) {
              if (c.type === "position") {
                if (c.position) moved.add(c.id); // moving a suggested node is reviewing it
                if (c.dragging) dragFrame = true;
                else doc = true;
              } else if (c.type === "add" || c.type === "remove" || c.type === "replace") {
                doc = structural = true;
              }
            }
            const endsDrag = grouper.dragging && !dragFrame && doc;
            if (dragFrame) grouper.beginGesture();
            set((s) => {
              const nodes = markReviewed(applyNodeChanges(changes, s.nodes), moved);
              // A drag's frames are not edits yet: the drag counts once, when it ends.
              const changed = structural || (doc && !endsDrag && !sameDoc({ nodes, edges: s.edges }, s));
              return { nodes, ...(changed ? bump(s, structural) : {}) };
            });
            if (endsDrag && grouper.endGesture(partializeDoc(get()))) set((s) => bump(s, false));
          },

          onEdgesChange: (incoming) => {
            const changes = get().readOnly ? incoming.filter((c) => c.type === "select") : incoming;
            if (changes.length === 0) return;
            const doc = changes.some((c) => c.type !== "select");
            set((s) => ({ edges: applyEdgeChanges(changes, s.edges), ...(doc ? bump(s, true) : {}) }));
          },

          onConnect: (connection) =>
            edit((s) => {
              const edges = connect(s, connection);
              return edges === s.edges ? null : { edges, ...bump(s, true) };
            }),

          addNode: (type, center) => {
            let id: string | null = null;
            edit((s) => {
              const node = createNode(type, center, s.nodes);
              if (!node) return null;
              id = node.id;
              return {
                nodes: [...selectNodes(s.nodes, new Set()), node],
                edges: selectEdges(s.edges, new Set()),
                ...bump(s, true),
              };
            });
            return id;
          },

          updateNodeConfig: (id, config, field = "*") =>
            grouper.keyed(`config:${id}:${field}`, () =>
              edit((s) => {
                const current = s.nodes.find((n) => n.id === id);
                if (!current) return null;
                const { nodes, node } = replaceNodeData(s.nodes, id, { ...reviewed(current.data), config });
                return { nodes, edges: node ? refreshOutgoingEdges(s.edges, node) : s.edges, ...bump(s, true) };
              }),
            ),

          updateTitle: (id, title) =>
            grouper.keyed(`title:${id}`, () =>
              edit((s) => {
                const current = s.nodes.find((n) => n.id === id);
                if (!current || current.data.title === title) return null;
                const data: NodeData = { ...reviewed(current.data), title };
                return { nodes: replaceNodeData(s.nodes, id, data).nodes, ...bump(s, true) };
              }),
            ),

          setPinned: (id, pinned) => {
            grouper.breakBurst();
            edit((s) => {
              const current = s.nodes.find((n) => n.id === id);
              if (!current || (!pinned && !current.data.pinned)) return null;
              // eslint-disable-next-line @typescript-eslint/no-unused-vars -- replaced or dropped
              const { pinned: _old, ...rest } = current.data;
              const data: NodeData = pinned ? { ...rest, pinned } : rest;
              return { nodes: replaceNodeData(s.nodes, id, data).nodes, ...bump(s, true) };
            });
          },

          deleteSelection: () =>
            edit((s) => {
              const next = deleteSelected(s);
              return next === s ? null : { ...next, ...bump(s, true) };
            }),

          duplicate: () => get().paste(copySelection(get())),

          paste: (fragment, at) => {
            let ids: string[] = [];
            edit((s) => {
              const result = pasteFragment(s, fragment, at);
              ids = result.ids;
              return ids.length ? { ...result.doc, ...bump(s, true) } : null;
            });
            return ids;
          },

          applyLayout: (positions) =>
            edit((s) => {
              const nodes = moveNodes(s.nodes, positions);
              return sameDoc({ nodes, edges: s.edges }, s) ? null : { nodes, ...bump(s, false) };
            }),

          confirmSuggested: (nodeIds) =>
            edit((s) => {
              const nodes = markReviewed(s.nodes, new Set(nodeIds ?? s.nodes.map((n) => n.id)));
              return nodes === s.nodes ? null : { nodes, ...bump(s, false) };
            }),

          applyDraft: (graph) =>
            edit((s) => {
              const next = toFlowGraph(graph);
              return { nodes: next.nodes, edges: next.edges, ...bump(s, true) };
            }),

          select: (nodeIds, edgeIds = []) =>
            set((s) => ({ nodes: selectNodes(s.nodes, new Set(nodeIds)), edges: selectEdges(s.edges, new Set(edgeIds)) })),

          selectAll: () =>
            set((s) => ({
              nodes: selectNodes(s.nodes, new Set(s.nodes.map((n) => n.id))),
              edges: selectEdges(s.edges, new Set(s.edges.map((e) => e.id))),
            })),

          undo: () => {
            const history = store.temporal.getState();
            if (get().readOnly || history.pastStates.length === 0) return;
            travel(() => history.undo());
          },

          redo: () => {
            const history = store.temporal.getState();
            if (get().readOnly || history.futureStates.length === 0) return;
            travel(() => history.redo());
          },

          replaceGraph: (graph, revision) => {
            const next = toFlowGraph(graph);
            set((s) => {
              const versions = bump(s, true);
              return { ...next, revision, ...versions, savedVersion: versions.docVersion };
            });
            store.temporal.getState().clear();
          },

          markSaved: (docVersion, revision) => set({ savedVersion: docVersion, revision }),
        };
      },
      {
        partialize: partializeDoc,
        equality: sameDoc,
        limit: options.historyLimit ?? HISTORY_LIMIT,
        handleSet: grouper.handleSet,
      },
    ),
  );
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
