// Creating a run: the pure core checks the graph and builds the first state, then the run is
// listed (run-index.ts) and the pending execution and its queue entry are inserted, in that order (a crash between the two leaves an
// execution without an entry, which the sweeper finds: lib/runtime/sweep.ts). Callers check
// authorization and the run input first: nothing here refuses a person.
import { startRun, type RunVersion, type StartOutcome } from "@/lib/engine/interpreter";
import type { Problem } from "@/lib/engine/problems";
import { signalWork } from "./bus";
import { storedEvent } from "./event-records";
import { emptyBook } from "./book";
import { insertExecution, loadExecution } from "./execution-store";
import { insertCheckpoint } from "./live-store";
import { newRunId } from "./ids";
import { triggerMetadata, type RunMeta } from "./meta";
import { addToQueue } from "./queue";
import { noteRunCreated } from "./run-index";
import { runClock } from "./clock";
import { startingVariables } from "@/lib/variables/run-values";

export interface EnqueueRequest {
  /** A fixed id (child runs derive theirs from the parent step); a new one otherwise. */
  runId?: string;
  meta: Omit<RunMeta, "concurrency">;
  version: RunVersion;
  input: unknown;
  /** Builds the first state instead of startRun (run from here: lib/engine/start-from.ts). */
  start?: (runId: string, variables: { name: string; value: unknown }[], now: number) => StartOutcome;
  /** Runs after the core accepted the graph and before anything is inserted (storing a draft snapshot). */
  beforeInsert?: () => Promise<void>;
}

export type EnqueueResult = { ok: true; runId: string; existed: boolean } | { ok: false; message: string; problems: Problem[] };

export async function enqueueRun(request: EnqueueRequest): Promise<EnqueueResult> {
  const runId = request.runId ?? newRunId();
  // The variables are read once, here: a later change affects new runs only.
  const variables = await startingVariables(request.meta.workflowId, runId);
  const now = runClock.now();
  const started = request.start ? request.start(runId, variables, now) : startRun(request.version, request.input, now, { runId, variables });
  if (!started.ok) return { ok: false, message: started.message, problems: started.problems };
  await request.beforeInsert?.();
  const meta: RunMeta = { ...request.meta, concurrency: request.version.settings?.concurrency ?? 0 };
  const events = started.events.map((e, i) => storedEvent(runId, i + 1, e, triggerMetadata(meta.trigger)));
  // Listed before it exists: a crash in between lists an id with no run (skipped), never the reverse.
  await noteRunCreated({ runId, workflowId: meta.workflowId, createdAt: new Date(started.state.createdAt) });
  const created = await insertExecution({ runId, meta, state: started.state, events: [] });
  if (created === "created") {
    // Version 1 of the run's checkpoint chain: what the first worker reads (lib/runtime/live-store.ts).
    await insertCheckpoint({ runId, v: 1, kind: "step", owner: "enqueue", token: 0, copy: { state: started.state, seq: events.length, pendingEvents: events, book: emptyBook(), meta }, historyFrom: 0 });
  } else {
    // Started before (a replayed subprocess step): queue it only if it never got its entry.
    const existing = await loadExecution(runId);
    if (existing?.status !== "pending") return { ok: true, runId, existed: true };
  }
  await addToQueue(runId, meta.workflowId, meta.concurrency);
  signalWork(runId);
  return { ok: true, runId, existed: created === "exists" };
}
