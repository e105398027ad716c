"use client";
// "Run from here" on the canvas: a test run of the current draft that starts at this node with
// the data it had in the latest run (the steps before it are not run again). The canvas then
// follows the new run like any test run.
import { useState } from "react";
import { PlayCircle } from "lucide-react";
import { runFromHereAction } from "@/app/(app)/runs/actions";
import { Button } from "@/components/ui/button";
import { toWorkflowGraph } from "../graph/convert";
import { startLiveRun } from "../run/live-run";
import type { Autosaver } from "../store/autosaver";
import { useEditorContext } from "../store/context";
import { useIncomingSample } from "./use-incoming-sample";
import { useSaveFirst } from "./use-step-tools";

export function RunFromHere({ nodeId, autosaver }: { nodeId: string; autosaver?: Autosaver }) {
  const { workflowId, store, annotations } = useEditorContext();
  const sample = useIncomingSample(nodeId);
  const saveFirst = useSaveFirst(autosaver);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Only a run in which this step itself ran has its input to start with.
  const fromRunId = sample.data?.fromNodeId === nodeId ? sample.data.runId : null;

  async function start() {
    if (!fromRunId) return;
    setBusy(true);
    setMessage(null);
    try {
      const unsaved = await saveFirst();
      if (unsaved) return setMessage(unsaved);
      const answer = await runFromHereAction({ workflowId, fromRunId, nodeId });
      if (!answer.ok) return setMessage(answer.message);
      const nodeIds = toWorkflowGraph(store.getState()).nodes.map((n) => n.id);
      annotations.getState().setLiveRun(startLiveRun(answer.runId, "test", nodeIds));
    } catch {
      setMessage("The run could not be started: the server did not answer. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-1">
      <Button size="sm" variant="secondary" data-testid="run-from-here" onClick={() => void start()} disabled={busy || !fromRunId}>
        <PlayCircle aria-hidden className="size-4" /> {busy ? "Starting…" : "Run from here"}
      </Button>
      <p className="text-xs text-zinc-500">
        {fromRunId ? (
          <>
            A test run of this draft from this step, with the data it had in run <code className="font-mono">{fromRunId.slice(-6)}</code>.
          </>
        ) : (
          "Needs a run in which this step ran: run the workflow once."
        )}
      </p>
      {message && (
        <p role="alert" data-testid="run-from-here-refusal" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}
