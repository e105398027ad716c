"use client";
// Keeps the problem list in step with the graph: validates when the structure or a config
// changes (never on a drag frame: positions do not matter to validation), debounced so a burst
// of edits on a big graph validates once.
import { useEffect } from "react";
import { validateWorkflow } from "@/lib/engine/validate";
import { toWorkflowGraph } from "../graph/convert";
import { useEditorContext } from "../store/context";

export const VALIDATE_DEBOUNCE_MS = 150;
const SMALL_GRAPH = 200;

export function useValidation() {
  const { store, annotations } = useEditorContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      annotations.getState().setProblems(validateWorkflow(toWorkflowGraph(store.getState())));
    };
    run();
    let version = store.getState().structureVersion;
    const unsubscribe = store.subscribe((state) => {
      if (state.structureVersion === version) return;
      version = state.structureVersion;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, state.nodes.length > SMALL_GRAPH ? VALIDATE_DEBOUNCE_MS : 30);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [annotations, store]);
}
