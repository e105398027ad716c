// What the designer draws over the graph without being part of it: validation problems with a
// marker per node, the highlights of a version comparison, and the run being watched. Kept apart from the graph store
// so neither undo history nor autosave ever sees it.
import { createStore } from "zustand";
import type { Problem } from "@/lib/engine/validate";
import type { GhostNode } from "@/lib/workflows/contract";
import type { LiveRun } from "../run/live-run";
import { buildMarkers, type NodeMarker } from "./markers";

export type CompareStatus = "added" | "removed" | "changed" | "moved";

export interface Comparison {
  /** e.g. "v2 → draft" */
  label: string;
  nodes: ReadonlyMap<string, CompareStatus>;
  edges: ReadonlyMap<string, CompareStatus>;
  /** Removed nodes, outlined where they were when the canvas does not hold them. */
  ghosts: readonly GhostNode[];
}

export interface AnnotationState {
  problems: Problem[];
  markers: Map<string, NodeMarker>;
  errorCount: number;
  warningCount: number;
  /** False until the first validation finished. */
  validated: boolean;
  comparison: Comparison | null;
  /** The run whose node states the canvas shows, while it runs and after, until dismissed. */
  liveRun: LiveRun | null;
  setProblems: (problems: Problem[]) => void;
  setComparison: (comparison: Comparison | null) => void;
  setLiveRun: (update: LiveRun | null | ((run: LiveRun | null) => LiveRun | null)) => void;
}

export function createAnnotationStore() {
  return createStore<AnnotationState>()((set) => ({
    problems: [],
    markers: new Map(),
    errorCount: 0,
    warningCount: 0,
    validated: false,
    comparison: null,
    liveRun: null,
    setProblems: (problems) =>
      set((s) => {
        const errorCount = problems.filter((p) => p.severity === "error").length;
        return {
          problems,
          markers: buildMarkers(problems, s.markers),
          errorCount,
          warningCount: problems.length - errorCount,
          validated: true,
        };
      }),
    setComparison: (comparison) => set({ comparison }),
    setLiveRun: (update) => set((s) => ({ liveRun: typeof update === "function" ? update(s.liveRun) : update })),
  }));
}

export type AnnotationStore = ReturnType<typeof createAnnotationStore>;
