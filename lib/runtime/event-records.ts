// Events as the runtime stores them: the engine's events plus the runtime's own (ai_call,
// human_approval), each with the run's next seq. `data` holds the event's other fields as a
// subdocument anyone can read and query (`data.handle`, `data.durationMs`, `data.error.code`);
// only the fields that carry user values (a step's input and output, an error's details) are
// JSON text inside it, since user values may break the database's key rules.
import type { Collection } from "mongodb";
import type { EngineEvent } from "@/lib/engine/events";
import { EventLog } from "@/models/EventLog";
import { groupInsertAll } from "@/lib/db/group-commit";
import { eventId } from "./ids";
import type { AgentEvent } from "./agent-events";

export interface EventMetadata {
  userId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Events the runtime adds to the engine's. */
export type RuntimeEvent =
  | { type: "ai_call"; at: number; nodeId: string; stepId: string; attempt: number; provider: string; model: string; inputTokens: number; outputTokens: number; cost: number; durationMs: number }
  | { type: "human_approval"; at: number; nodeId: string; stepId: string; by: string | null; handle?: string; outcome: "ok" | "error" }
  /** A test run took the node's pinned output instead of running its executor (lib/engine/pins.ts). */
  | { type: "pinned_output"; at: number; nodeId: string; stepId: string; attempt: number; pinnedAt: string; pinnedBy: string };

export type RunEvent = EngineEvent | RuntimeEvent | AgentEvent;

export interface StoredEvent {
  _id: string;
  runId: string;
  seq: number;
  type: string;
  nodeId: string | null;
  stepId: string | null;
  /** The event's other fields (nodeId and stepId are the ones above); user values among them as JSON text (encodeEventData). */
  data: Record<string, unknown>;
  /** Who caused it, for events a person or request caused; absent otherwise. */
  metadata?: { userId: string | null; ipAddress: string | null; userAgent: string | null };
  /** ms since epoch (a Date once in event_logs). */
  at: number;
}

/**
 * The event as stored. Every field the embedded database writes costs its conversion, and events
 * are the bulk of a run's writes: nodeId and stepId are stored once (top level, where lists
 * filter on them), and metadata only when it names someone.
 */
export function storedEvent(runId: string, seq: number, event: RunEvent, metadata: EventMetadata = {}): StoredEvent {
  const { type, at, ...rest } = event as { type: string; at: number; nodeId?: string; stepId?: string } & Record<string, unknown>;
  const nodeId = typeof rest.nodeId === "string" ? rest.nodeId : null;
  const stepId = typeof rest.stepId === "string" ? rest.stepId : null;
  if (nodeId !== null) delete rest.nodeId;
  if (stepId !== null) delete rest.stepId;
  const who = { userId: metadata.userId ?? null, ipAddress: metadata.ipAddress ?? null, userAgent: metadata.userAgent ?? null };
  return {
    _id: eventId(runId, seq),
    runId,
    seq,
    type,
    nodeId,
    stepId,
    data: encodeEventData(rest),
    ...(who.userId !== null || who.ipAddress !== null || who.userAgent !== null ? { metadata: who } : {}),
    at,
  };
}

/** Fields of an event that hold user values. */
const PAYLOAD_FIELDS = ["input", "output"] as const;

const toText = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
const fromText = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : undefined);

function mapPayloads(fields: Record<string, unknown>, codec: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const key of PAYLOAD_FIELDS) {
    if (!(key in out)) continue;
    const value = codec(out[key]);
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  const error = out.error as Record<string, unknown> | undefined;
  if (error && typeof error === "object" && "details" in error) {
    const details = codec(error.details);
    const rest = { ...error };
    delete rest.details;
    out.error = details === undefined ? rest : { ...rest, details };
  }
  return out;
}

/** An event's other fields as stored: user values become JSON text, the rest stays as it is. */
export function encodeEventData(fields: Record<string, unknown>): Record<string, unknown> {
  return mapPayloads(fields, toText);
}

/** The stored fields with their user values back (an older JSON-text `data` is read too). */
export function decodeEventData(data: unknown): Record<string, unknown> {
  if (typeof data === "string") return JSON.parse(data || "{}") as Record<string, unknown>;
  if (!data || typeof data !== "object") return {};
  return mapPayloads(data as Record<string, unknown>, fromText);
}

/** The event back as the engine (or runtime) emitted it (an older event also holds nodeId and stepId inside data). */
export function eventOf(stored: Pick<StoredEvent, "type" | "data"> & Partial<Pick<StoredEvent, "nodeId" | "stepId">> & { at: number | Date }): RunEvent {
  const at = stored.at instanceof Date ? stored.at.getTime() : stored.at;
  const ids = { ...(stored.nodeId ? { nodeId: stored.nodeId } : {}), ...(stored.stepId ? { stepId: stored.stepId } : {}) };
  return { ...ids, ...decodeEventData(stored.data), type: stored.type, at } as RunEvent;
}

export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(["workflow_complete", "workflow_failed", "workflow_cancelled"]);

/**
 * Copies events into event_logs. Inserting one twice (a worker that died after inserting but
 * before clearing its pending list) is a duplicate-key error on the deterministic _id, ignored.
 * Goes through the driver directly, in the process's shared batches (lib/db/group-commit.ts):
 * these documents are built here with a fixed shape, and this is the hottest insert of the runtime.
 */
export async function insertEvents(events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  const docs = events.map((e) => ({ ...e, at: new Date(e.at) }));
  const collection = EventLog.collection as unknown as Collection<Omit<StoredEvent, "at"> & { at: Date }>;
  await groupInsertAll(collection, docs);
}
