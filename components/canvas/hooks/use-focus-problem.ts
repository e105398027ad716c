"use client";
// For dialogs over the canvas: close the dialog and focus the node (and edge) a problem names.
import { useCallback } from "react";
import type { RefusalProblem } from "@/components/ui/refusal-alert";
import { useCanvasActions } from "./use-canvas-actions";

export function useFocusProblem(close: () => void): (problem: RefusalProblem) => void {
  const { focus } = useCanvasActions();
  return useCallback(
    (problem) => {
      close();
      if (problem.nodeId) focus([problem.nodeId], problem.edgeId ? [problem.edgeId] : []);
    },
    [close, focus],
  );
}
