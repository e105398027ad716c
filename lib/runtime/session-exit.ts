// How a session leaves its run. Each exit first inserts a checkpoint that says so (the fence:
// a worker that lost the run cannot get past it), then writes the execution (with that
// checkpoint's version, from which the next worker looks for newer ones), then the queue
// entry. A worker dying anywhere in between leaves a checkpoint or an execution that says the
// same thing, and a queue entry whose lease runs out, so the next worker repeats the rest.
import { isTerminal } from "@/lib/engine/state";
import { cancelWaits, notifyParent } from "./children";
import { writeExecution } from "./execution-store";
import { writeHistoryRecord } from "./history-record";
import { retireChain } from "./cleanup";
import { deleteMessages, pendingMessages } from "./messages";
import { dropRun, handBack, releaseRun, wakeRun } from "./queue";
import type { RunSession } from "./session";
import { parkRun, shouldPark } from "./parking";
import { releaseSlot } from "./slots";
import { runClock } from "./clock";

export interface SessionExits {
  /** Leaves a run that cannot move now: paused for a timer, a person or a child run. */
  release(): Promise<void>;
  /** Finishes a run that has ended: execution, history record, parent, interrupted waits. */
  finish(): Promise<void>;
  /** Gives the run back for another worker (this one is stopping). */
  handBack(): Promise<void>;
}

/** The run left the workers at the current version: its chain goes a lease length later (cleanup.ts). */
function retire(session: RunSession): void {
  retireChain(session.runId, session.v, session.deps.config.leaseMs + 1_000);
}

export function exitsFor(session: RunSession): SessionExits {
  const { runId, meta } = session;
  return {
    async release() {
      await session.persist("released");
      await writeExecution(runId, session.state, session.seq, session.book, session.v);
      retire(session);
      const wakeAt = session.state.wakeAt;
      if (wakeAt !== undefined && shouldPark(wakeAt, session.deps.config.parkAheadMs)) await parkRun(runId, meta.workflowId, meta.concurrency, new Date(wakeAt));
      else await releaseRun(runId, wakeAt === undefined ? null : new Date(wakeAt));
      await releaseSlot(meta.workflowId, runId, meta.concurrency);
      // A message posted while the run was being released may have lost its wake-up to the
      // release's write: look once more, now that the entry says what it says.
      if ((await pendingMessages(runId)).some((m) => !session.applied.has(m.id))) await wakeRun(runId, meta.workflowId, meta.concurrency);
    },

    async finish() {
      const { state, book } = session;
      if (!isTerminal(state.status)) throw new Error(`finish() called on a run that is ${state.status}`);
      book.metrics.totalDuration = (state.endedAt ?? runClock.now()) - (state.startedAt ?? state.createdAt);
      await session.persist("finished", { flush: false });
      // Past the fence, these writes depend on nothing but the finished checkpoint: together, so
      // they share the process's batches with other runs' (lib/db/group-commit.ts) and a lone
      // run waits for the slowest, not the sum. The queue entry goes last: while it is there, a
      // worker that stopped halfway is replaced and repeats them.
      await Promise.all([session.flushEvents(), writeExecution(runId, state, session.seq, book, session.v), writeHistoryRecord(runId, meta, state, session.graph, book), deleteMessages(runId)]);
      retire(session);
      await notifyParent(runId, meta, state);
      await cancelWaits(runId, book.cancelledWaits, session.deps.providers);
      await dropRun(runId, { neverParked: session.neverParked });
      await releaseSlot(meta.workflowId, runId, meta.concurrency);
    },

    async handBack() {
      await session.persist("handback");
      await handBack(runId);
    },
  };
}
