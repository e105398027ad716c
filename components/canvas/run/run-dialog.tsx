"use client";
// The designer's Run dialog: the shared run form, with the draft's fields as they are on screen,
// the draft saved before a test run, problems that focus their node, and the canvas following
// the run once it starts.
import { useCallback, useMemo } from "react";
import { RunInputDialog } from "@/components/runs/run-input-dialog";
import type { RunMode } from "@/lib/runtime/contract";
import { startFields } from "@/lib/runtime/run-input";
import { toWorkflowGraph } from "../graph/convert";
import { useFocusProblem } from "../hooks/use-focus-problem";
import type { Autosaver } from "../store/autosaver";
import { useEditor, useEditorContext } from "../store/context";
import { startLiveRun } from "./live-run";

export function RunDialog({ autosaver, open, onOpenChange, publishedVersion }: { autosaver: Autosaver; open: boolean; onOpenChange: (open: boolean) => void; publishedVersion: number | null }) {
  const { workflowId, store, annotations } = useEditorContext();
  const draftStart = useEditor((s) => s.nodes.find((n) => n.type === "start"));
  const draftFields = useMemo(() => startFields(toWorkflowGraph({ nodes: draftStart ? [draftStart] : [], edges: [] })), [draftStart]);
  const close = useCallback(() => onOpenChange(false), [onOpenChange]);
  const onProblem = useFocusProblem(close);

  const beforeTestRun = useCallback(
    async () => ((await autosaver.flush()) ? null : (autosaver.getSnapshot().message ?? "Your latest changes are not saved yet, so the test run would not use them. Save them first.")),
    [autosaver],
  );
  const onStarted = useCallback(
    (runId: string, mode: RunMode) => {
      const nodeIds = toWorkflowGraph(store.getState()).nodes.map((n) => n.id);
      annotations.getState().setLiveRun(startLiveRun(runId, mode, nodeIds));
    },
    [annotations, store],
  );

  return (
    <RunInputDialog
      workflowId={workflowId}
      publishedVersion={publishedVersion}
      draftFields={draftFields}
      open={open}
      onOpenChange={onOpenChange}
      beforeTestRun={beforeTestRun}
      onStarted={onStarted}
      onProblem={onProblem}
    />
  );
}
