"use client";
// Follows the watched run's events over Server-Sent Events and folds them into the annotation
// store. EventSource reconnects by itself and sends Last-Event-ID, so a dropped connection
// resumes after the last event seen; the reducer ignores anything it has already applied.
import { useEffect } from "react";
import type { RunEventView } from "@/lib/runtime/contract";
import { useAnnotations, useEditorContext } from "../store/context";
import { applyRunEvent, isLiveRunOver } from "./live-run";

export function useLiveRun(): void {
  const { annotations } = useEditorContext();
  const runId = useAnnotations((s) => s.liveRun?.runId ?? null);

  useEffect(() => {
    if (!runId) return;
    const source = new EventSource(`/api/runs/${runId}/events`);
    const setLiveRun = annotations.getState().setLiveRun;
    source.addEventListener("run", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as RunEventView;
      setLiveRun((run) => (run && run.runId === runId ? applyRunEvent(run, event) : run));
      const run = annotations.getState().liveRun;
      if (run && isLiveRunOver(run)) source.close();
    });
    source.addEventListener("end", () => source.close());
    return () => source.close();
  }, [annotations, runId]);
}
