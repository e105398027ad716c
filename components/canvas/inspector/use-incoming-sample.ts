"use client";
// The latest run's data for one node (what flowed into it, and the run's input, variables and
// outputs), shared by the decision's name help and every "try it" preview of that node: one
// request per node, refreshed when a run watched on the canvas stops moving.
import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useShallow } from "zustand/react/shallow";
import { incomingDataAction } from "@/app/(app)/workflows/[id]/actions";
import { isLiveRunOver } from "../run/live-run";
import { useAnnotations, useEditor, useEditorContext } from "../store/context";

const incomingKey = (workflowId: string) => ["incoming-data", workflowId] as const;

/** Ids of the steps with a connection into `nodeId`, each once, in edge order. */
export function useSourceIds(nodeId: string): string[] {
  return useEditor(useShallow((s) => [...new Set(s.edges.filter((e) => e.target === nodeId).map((e) => e.source))]));
}

export function useIncomingSample(nodeId: string) {
  const { workflowId } = useEditorContext();
  const sourceIds = useSourceIds(nodeId);
  return useQuery({
    queryKey: [...incomingKey(workflowId), nodeId, sourceIds.join(",")],
    queryFn: () => incomingDataAction(workflowId, nodeId, sourceIds),
    select: (answer) => (answer.ok ? answer.sample : null),
    staleTime: 30_000,
  });
}

/** Call once per inspector: when the run on the canvas ends or waits, its data is the newest. */
export function useRefreshSamplesAfterRuns(): void {
  const { workflowId } = useEditorContext();
  const queryClient = useQueryClient();
  const settled = useAnnotations((s) => (s.liveRun && (isLiveRunOver(s.liveRun) || s.liveRun.status === "paused") ? `${s.liveRun.runId}:${s.liveRun.status}` : null));
  useEffect(() => {
    if (settled) void queryClient.invalidateQueries({ queryKey: incomingKey(workflowId) });
  }, [settled, queryClient, workflowId]);
}
