import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgentTranscripts } from "@/components/runs/agent-transcript";
import { RunActions } from "@/components/runs/run-actions";
import { RunHeader } from "@/components/runs/run-header";
import { AiUsageTable, RunData, RunError, RunWaiting } from "@/components/runs/run-panels";
import { PrunedTimeline, RunPrunedNotice } from "@/components/runs/run-pruned";
import { RunSteps } from "@/components/runs/run-steps";
import { RunTimeline } from "@/components/runs/run-timeline";
import { requirePagePermission } from "@/lib/auth/session";
import { isTerminal } from "@/lib/engine/state";
import { getRun, listRunEvents } from "@/lib/runtime/queries";
import { publishedVersionOf } from "@/lib/workflows/queries";

// One read per request, shared by the title and the page. A missing run and one whose workflow
// is not shared with the viewer both give 404.
const load = cache(async (id: string) => {
  const actor = await requirePagePermission("workflows:view");
  const run = await getRun(actor, id);
  if (!run) return null;
  // A pruned run has no events left to read.
  const events = run.pruned ? [] : ((await listRunEvents(actor, id, 0, 1_000)) ?? []);
  // A re-run of a published run uses the version published now: its button says which.
  const publishedNow = run.version !== null && run.canRerun ? await publishedVersionOf(actor, run.workflowId) : null;
  // When the run was read: a run still going shows its duration so far.
  return { run, events, publishedNow, readAt: Date.now() };
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  return { title: data ? `Run of ${data.run.workflowName || "a workflow"}` : "Run not found" };
}

export default async function RunPage({ params }: Props) {
  const data = await load((await params).id);
  if (!data) notFound();
  const { run, events, publishedNow, readAt } = data;
  const labels = new Map(run.graph.map((n) => [n.nodeId, n.label]));
  return (
    <>
      <RunHeader
        run={run}
        now={readAt}
        actions={
          <RunActions
            runId={run.id}
            canCancel={run.canCancel}
            canRerun={run.canRerun}
            canRetry={run.canRetry}
            version={run.version}
            publishedNow={publishedNow}
          />
        }
      />
      <RunPrunedNotice pruned={run.pruned} />
      <RunError run={run} labels={labels} />
      <RunWaiting run={run} labels={labels} />
      <div className="space-y-6">
        <RunData run={run} />
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <RunSteps run={run} />
          {run.pruned ? (
            <PrunedTimeline />
          ) : (
            <RunTimeline
              runId={run.id}
              initialEvents={events}
              serverSeq={run.seq}
              ended={isTerminal(run.status)}
              labels={run.graph.map(({ nodeId, label, outputs }) => ({ nodeId, label, outputs }))}
              people={run.people}
            />
          )}
        </div>
        <AgentTranscripts events={events} labels={labels} />
        <AiUsageTable rows={run.aiUsage} />
      </div>
    </>
  );
}
