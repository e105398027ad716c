// Messages for a run from outside its worker (models/RunMessage.ts): a waiting step's answer,
// cancel requests and retries of a failed run. Posting is an insert (a second answer to the same step attempt is refused by
// the unique _id); the worker holding the run applies them to the latest state. Nothing outside
// a worker ever writes a run's state.
import type { StepResult } from "@/lib/engine/executor";
import { RunMessage } from "@/models/RunMessage";
import type { EventMetadata } from "./event-records";

export type Answer = Extract<StepResult, { kind: "ok" | "error" }>;

export interface ResumeMessage {
  kind: "resume";
  stepId: string;
  attempt: number;
  result: Answer;
  /** "human" for the inbox, "subprocess" for a child run. */
  reason: string;
  by: string | null;
  metadata?: EventMetadata;
  at: number;
}

export interface CancelMessage {
  kind: "cancel";
  reason: string;
  by: string | null;
  metadata?: EventMetadata;
  at: number;
}

/** Continue a failed run from the step that failed (lib/engine/retry-failed.ts). */
export interface RetryMessage {
  kind: "retry";
  /** The seq of the run's last event when the retry was asked: one retry per failure. */
  afterSeq: number;
  by: string | null;
  metadata?: EventMetadata;
  at: number;
}

export type RunMessageBody = ResumeMessage | CancelMessage | RetryMessage;

export interface PendingMessage {
  id: string;
  /** null when unreadable: the worker marks it applied and moves on. */
  body: RunMessageBody | null;
}

/** The body as fields; a resume's result (a step's output: user data) as JSON text. */
function storedBody(body: RunMessageBody): Record<string, unknown> {
  const fields = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  if (body.kind === "resume") fields.result = JSON.stringify(body.result);
  return fields;
}

/** The body back; messages posted before bodies were fields are JSON text. */
function bodyOf(stored: unknown): RunMessageBody {
  const fields = (typeof stored === "string" ? JSON.parse(stored) : stored) as Record<string, unknown>;
  if (fields.kind === "resume" && typeof fields.result === "string") return { ...fields, result: JSON.parse(fields.result) } as RunMessageBody;
  return fields as unknown as RunMessageBody;
}

async function insert(id: string, runId: string, body: RunMessageBody): Promise<"posted" | "duplicate"> {
  try {
    await RunMessage.create({ _id: id, runId, kind: body.kind, body: storedBody(body), at: new Date(body.at) });
    return "posted";
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return "duplicate";
    throw error;
  }
}

export function postResume(runId: string, message: ResumeMessage): Promise<"posted" | "duplicate"> {
  return insert(`${runId}:resume:${message.stepId}@${message.attempt}`, runId, message);
}

/** A second cancel of the same run is a duplicate, and as good as the first. */
export function postCancel(runId: string, message: CancelMessage): Promise<"posted" | "duplicate"> {
  return insert(`${runId}:cancel`, runId, message);
}

export function retryMessageId(runId: string, afterSeq: number): string {
  return `${runId}:retry:${afterSeq}`;
}

/** A second retry of the same failure (the same last seq) is a duplicate: one retry per failure. */
export function postRetry(runId: string, message: RetryMessage): Promise<"posted" | "duplicate"> {
  return insert(retryMessageId(runId, message.afterSeq), runId, message);
}

export async function messageExists(id: string): Promise<boolean> {
  return (await RunMessage.exists({ _id: id })) !== null;
}

/** Messages not applied yet, oldest first. */
export async function pendingMessages(runId: string): Promise<PendingMessage[]> {
  const docs = await RunMessage.find({ runId, appliedAt: null }).sort({ at: 1 }).lean();
  const out: PendingMessage[] = [];
  for (const doc of docs) {
    let body: RunMessageBody | null = null;
    try {
      body = bodyOf(doc.body);
    } catch {
      body = null;
    }
    out.push({ id: String(doc._id), body });
  }
  return out;
}

export async function markApplied(ids: readonly string[]): Promise<void> {
  const appliedAt = new Date();
  for (const id of ids) await RunMessage.updateOne({ _id: id }, { $set: { appliedAt } });
}

export async function deleteMessages(runId: string): Promise<void> {
  await RunMessage.deleteMany({ runId });
}
