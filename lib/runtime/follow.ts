// Reading a run's events: a page of them for the run page, and followRun, an async iterator
// that yields every event after a seq as it is persisted, in order and without gaps, and ends
// after the run's last event. In the process that runs the worker, events arrive through the
// bus at once; from any other process it polls the run's head (a read of one small document)
// and reads only what is new, so it works wherever the run executes (for SSE with Last-Event-ID).
import { EventLog } from "@/models/EventLog";
import { onEvents } from "./bus";
import type { RunEventView } from "./contract";
import { decodeEventData, TERMINAL_EVENT_TYPES, type StoredEvent } from "./event-records";
import { loadExecution } from "./execution-store";
import { eventId } from "./ids";
import { latestCheckpoint } from "./live-store";
import { isTerminal, type RunStatus } from "@/lib/engine/state";

type EventRow = Pick<StoredEvent, "seq" | "type" | "nodeId" | "stepId" | "data"> & { at: number | Date };

export function toEventView(row: EventRow): RunEventView {
  return {
    seq: row.seq,
    type: row.type,
    nodeId: row.nodeId ?? null,
    stepId: row.stepId ?? null,
    at: new Date(row.at).toISOString(),
    data: decodeEventData(row.data),
  };
}

/** Exact _id reads in flight at once for one page of events. */
const READ_PARALLEL = 16;

/**
 * Events with seq > afterSeq, in order, up to the run's head (`knownHead`, else read). Every
 * event is read by its exact _id (ids.ts eventId): on the embedded FerretDB a range of _ids is
 * not served by the index and decodes the whole collection — 14.9 s for 20 events among 200,000
 * (measured, load 8) against ~5 ms for one exact read — so a page is many small reads, a few at once.
 */
export async function readEvents(runId: string, afterSeq: number, limit = 500, knownHead?: number): Promise<EventRow[]> {
  const head = knownHead ?? (await runHead(runId))?.seq ?? 0;
  const wanted = Math.min(limit, head - afterSeq);
  if (wanted <= 0) return [];
  const rows: (EventRow | null)[] = new Array(wanted).fill(null);
  let next = 0;
  let missing = wanted; // the first seq not found: later ones are not read (events have no gaps)
  await Promise.all(
    Array.from({ length: Math.min(READ_PARALLEL, wanted) }, async () => {
      while (next < Math.min(wanted, missing)) {
        const i = next++;
        rows[i] = await EventLog.findById(eventId(runId, afterSeq + 1 + i)).lean<EventRow>();
        if (!rows[i]) missing = Math.min(missing, i);
      }
    }),
  );
  const found: EventRow[] = [];
  for (const row of rows) {
    if (!row) break;
    found.push(row);
  }
  return found;
}

export interface RunHead {
  seq: number;
  status: RunStatus;
  /** The checkpoint version it was read at, to look from next time. */
  v: number;
  /** Events persisted but not yet copied to event_logs. */
  pending: StoredEvent[];
}

/**
 * The run's last persisted seq, status and not-yet-copied events; null when there is no such
 * run. With `fromV` (a version seen before) it reads only checkpoints by _id, not the execution.
 */
export async function runHead(runId: string, fromV?: number): Promise<RunHead | null> {
  if (fromV !== undefined && fromV > 0) {
    const live = await latestCheckpoint(runId, fromV - 1);
    if (live) return { seq: live.seq, status: live.state.status, v: live.v, pending: live.pendingEvents };
  }
  const doc = await loadExecution(runId);
  if (!doc) return null;
  const live = await latestCheckpoint(runId, doc.stateVersion ?? 0);
  if (live) return { seq: live.seq, status: live.state.status, v: live.v, pending: live.pendingEvents };
  return { seq: doc.seq ?? 0, status: doc.status as RunStatus, v: doc.stateVersion ?? 0, pending: [] };
}

export interface FollowOptions {
  signal?: AbortSignal;
  /** How often to look for events written by other processes while the run moves. */
  pollMs?: number;
  /** …and while it waits (paused, pending) or nothing has changed for a while. */
  idlePollMs?: number;
}

/** Polls without news after which a moving run is looked at as seldom as a waiting one. */
const QUIET_POLLS = 25;

export async function* followRun(runId: string, afterSeq = 0, options: FollowOptions = {}): AsyncGenerator<RunEventView> {
  const busyPollMs = options.pollMs ?? 250;
  const idlePollMs = Math.max(busyPollMs, options.idlePollMs ?? 250);
  let pollMs = busyPollMs;
  let quietPolls = 0;
  let lastSeq = -1;
  let next = afterSeq + 1;
  let pushed: EventRow[] = [];
  let notify: (() => void) | null = null;
  const off = onEvents(runId, (events) => {
    pushed.push(...events);
    notify?.();
  });
  const onAbort = () => notify?.();
  options.signal?.addEventListener("abort", onAbort);
  try {
    let poll = true;
    let seenV: number | undefined;
    while (!options.signal?.aborted) {
      let rows: EventRow[] = [];
      if (poll) {
        const head = await runHead(runId, seenV);
        if (!head) return;
        // Poll often only while the run moves: a run waiting for a person or a timer costs little.
        quietPolls = head.seq === lastSeq ? quietPolls + 1 : 0;
        lastSeq = head.seq;
        pollMs = head.status === "running" && quietPolls < QUIET_POLLS ? busyPollMs : idlePollMs;
        seenV = head.v;
        if (head.seq >= next) {
          const unflushed = head.pending.filter((e) => e.seq >= next);
          const firstPending = unflushed[0]?.seq ?? head.seq + 1;
          rows = [...(firstPending > next ? await readEvents(runId, next - 1, 500, firstPending - 1) : []), ...unflushed];
        } else if (isTerminal(head.status) && pushed.length === 0) return;
      }
      rows = [...rows, ...pushed].sort((a, b) => a.seq - b.seq);
      pushed = [];
      let yielded = false;
      for (const row of rows) {
        if (row.seq < next) continue;
        if (row.seq > next) break; // a gap: the missing ones are read on the next poll
        next += 1;
        yielded = true;
        yield toEventView(row);
        if (TERMINAL_EVENT_TYPES.has(row.type)) return;
      }
      if (yielded && rows.some((r) => r.seq >= next)) {
        poll = true;
        continue;
      }
      poll = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), pollMs);
        notify = () => {
          clearTimeout(timer);
          notify = null;
          resolve(false);
        };
      });
    }
  } finally {
    off();
    options.signal?.removeEventListener("abort", onAbort);
  }
}
