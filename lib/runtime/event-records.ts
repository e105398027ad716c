// Events as the runtime stores them: the engine's events plus the runtime's own (ai_call,
// human_approval), each with the run's next seq. `data` holds the event's other fields as JSON
// text: events carry user values, which may break the database's key rules.
import type { Collection } from "mongodb";
import type { EngineEvent } from "@/lib/engine/events";
import { EventLog } from "@/models/EventLog";
import { eventId } from "./ids";

export interface EventMetadata {
  userId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Events the runtime adds to the engine's. */
export type RuntimeEvent =
  | { type: "ai_call"; at: number; nodeId: string; stepId: string; attempt: number; provider: string; model: string; inputTokens: number; outputTokens: number; cost: number; durationMs: number }
  | { type: "human_approval"; at: number; nodeId: string; stepId: string; by: string | null; handle?: string; outcome: "ok" | "error" };

export type RunEvent = EngineEvent | RuntimeEvent;

export interface StoredEvent {
  _id: string;
  runId: string;
  seq: number;
  type: string;
  nodeId: string | null;
  stepId: string | null;
  /** The event's other fields, as JSON text. */
  data: string;
  metadata: { userId: string | null; ipAddress: string | null; userAgent: string | null };
  /** ms since epoch (a Date once in event_logs). */
  at: number;
}

export function storedEvent(runId: string, seq: number, event: RunEvent, metadata: EventMetadata = {}): StoredEvent {
  const { type, at, ...rest } = event as { type: string; at: number; nodeId?: string; stepId?: string } & Record<string, unknown>;
  return {
    _id: eventId(runId, seq),
    runId,
    seq,
    type,
    nodeId: typeof rest.nodeId === "string" ? rest.nodeId : null,
    stepId: typeof rest.stepId === "string" ? rest.stepId : null,
    data: JSON.stringify(rest),
    metadata: { userId: metadata.userId ?? null, ipAddress: metadata.ipAddress ?? null, userAgent: metadata.userAgent ?? null },
    at,
  };
}

/** The event back as the engine (or runtime) emitted it. */
export function eventOf(stored: Pick<StoredEvent, "type" | "data"> & { at: number | Date }): RunEvent {
  const at = stored.at instanceof Date ? stored.at.getTime() : stored.at;
  return { ...(JSON.parse(stored.data) as object), type: stored.type, at } as RunEvent;
}

export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(["workflow_complete", "workflow_failed", "workflow_cancelled"]);

function isDuplicateOnly(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: { code?: number }[] | { code?: number } };
  const writeErrors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
  if (writeErrors.length > 0) return writeErrors.every((w) => w.code === 11000);
  return e.code === 11000;
}

/**
 * Copies events into event_logs. Inserting one twice (a worker that died after inserting but
 * before clearing its pending list) is a duplicate-key error on the deterministic _id, ignored.
 * Goes through the driver directly: these documents are built here with a fixed shape, and
 * this is the hottest insert of the runtime.
 */
export async function insertEvents(events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  const docs = events.map((e) => ({ ...e, at: new Date(e.at) }));
  const collection = EventLog.collection as unknown as Collection<Omit<StoredEvent, "at"> & { at: Date }>;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (error) {
    if (!isDuplicateOnly(error)) throw error;
  }
}
