// The runtime's own bookkeeping of a run, beside the engine's state: one history entry per
// finished attempt, metrics, AI usage by provider and model, human interactions, and the
// waits a cancel or failure interrupted (their tasks and child runs are cancelled when the run
// ends). Pure: built from the events the core emits, so it survives a crash with them.
import type { EngineEvent } from "@/lib/engine/events";
import type { AiUsage } from "./services";

/** Inputs and outputs kept in a history entry are capped: the full output stays in the state and the event. */
export const HISTORY_VALUE_LIMIT = 64 * 1024;
const LOG_LINES_LIMIT = 200;

export interface HistoryEntry {
  nodeId: string;
  stepId: string;
  attempt: number;
  status: "succeeded" | "failed" | "cancelled";
  startedAt?: number;
  endedAt: number;
  durationMs?: number;
  input?: string;
  output?: string;
  truncated?: boolean;
  handle?: string;
  error?: { message: string; code?: string };
  logs?: string[];
}

export interface AiUsageRow {
  provider: string;
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

/** AI usage of one node over the run: what the Run dialog's estimate learns from (lib/ai/budget/estimate.ts). */
export interface NodeAiUsage {
  nodeId: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
}

export interface HumanInteraction {
  nodeId: string;
  stepId: string;
  by: string | null;
  handle?: string;
  at: number;
  waitedMs?: number;
}

export interface CancelledWait {
  nodeId: string;
  stepId: string;
  attempt: number;
  reason: string;
}

export interface RunMetrics {
  totalDuration: number;
  nodeCount: number;
  aiCalls: number;
  tokens: number;
  humanInterventions: number;
  cost: number;
  /** Extra AI spend owners approved beyond the workflow's per-run budget (lib/ai/budget). */
  approvedExtraUsd: number;
}

export interface RunBook {
  metrics: RunMetrics;
  history: HistoryEntry[];
  aiUsage: AiUsageRow[];
  nodeAiUsage: NodeAiUsage[];
  humanInteractions: HumanInteraction[];
  cancelledWaits: CancelledWait[];
}

export function emptyBook(): RunBook {
  return {
    metrics: { totalDuration: 0, nodeCount: 0, aiCalls: 0, tokens: 0, humanInterventions: 0, cost: 0, approvedExtraUsd: 0 },
    history: [],
    aiUsage: [],
    nodeAiUsage: [],
    humanInteractions: [],
    cancelledWaits: [],
  };
}

/** A user value as capped JSON text. */
export function cappedText(value: unknown): { text?: string; truncated: boolean } {
  if (value === undefined) return { truncated: false };
  const text = JSON.stringify(value);
  if (text.length <= HISTORY_VALUE_LIMIT) return { text, truncated: false };
  return { text: JSON.stringify(`[${text.length} characters; the full value is in the run's events]`), truncated: true };
}

/** What the worker knows about steps it ran: their input and log lines. */
export interface StepExtras {
  input?: unknown;
  logs?: string[];
}

function entry(base: Omit<HistoryEntry, "truncated" | "input" | "output">, extras: StepExtras | undefined, output?: unknown): HistoryEntry {
  const out: HistoryEntry = { ...base };
  const input = cappedText(extras?.input);
  const result = cappedText(output);
  if (input.text !== undefined) out.input = input.text;
  if (result.text !== undefined) out.output = result.text;
  if (input.truncated || result.truncated) out.truncated = true;
  if (extras?.logs && extras.logs.length > 0) out.logs = extras.logs.slice(-LOG_LINES_LIMIT);
  return out;
}

/** Adds what the events say to the book: history entries, node count, interrupted waits. */
export function recordEvents(book: RunBook, events: readonly EngineEvent[], extras: (stepId: string) => StepExtras | undefined): void {
  for (const e of events) {
    if (e.type === "node_complete") {
      const startedAt = e.durationMs !== undefined ? e.at - e.durationMs : undefined;
      book.history.push(
        entry({ nodeId: e.nodeId, stepId: e.stepId, attempt: e.attempt, status: "succeeded", startedAt, endedAt: e.at, durationMs: e.durationMs, handle: e.handle }, extras(e.stepId), e.output),
      );
      book.metrics.nodeCount += 1;
    } else if (e.type === "node_error") {
      const startedAt = e.durationMs !== undefined ? e.at - e.durationMs : undefined;
      const error = { message: e.error.message, ...(e.error.code ? { code: e.error.code } : {}) };
      book.history.push(entry({ nodeId: e.nodeId, stepId: e.stepId, attempt: e.attempt, status: "failed", startedAt, endedAt: e.at, durationMs: e.durationMs, error }, extras(e.stepId)));
      if (e.outcome !== "retry") book.metrics.nodeCount += 1;
    } else if (e.type === "node_cancelled") {
      if (e.was !== "ready") {
        book.history.push(entry({ nodeId: e.nodeId, stepId: e.stepId, attempt: e.attempt, status: "cancelled", endedAt: e.at, error: { message: e.reason } }, extras(e.stepId)));
      }
      if (e.was === "waiting" && e.waitReason) book.cancelledWaits.push({ nodeId: e.nodeId, stepId: e.stepId, attempt: e.attempt, reason: e.waitReason });
    }
  }
}

export function recordAiUsage(book: RunBook, usage: AiUsage, nodeId?: string): void {
  const tokens = usage.inputTokens + usage.outputTokens;
  if (nodeId) {
    book.nodeAiUsage ??= [];
    const mine = book.nodeAiUsage.find((r) => r.nodeId === nodeId);
    if (mine) {
      mine.calls += 1;
      mine.inputTokens += usage.inputTokens;
      mine.outputTokens += usage.outputTokens;
      mine.cost += usage.cost;
    } else book.nodeAiUsage.push({ nodeId, calls: 1, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cost: usage.cost });
  }
  book.metrics.aiCalls += 1;
  book.metrics.tokens += tokens;
  book.metrics.cost += usage.cost;
  const row = book.aiUsage.find((r) => r.provider === usage.provider && r.model === usage.model);
  if (row) {
    row.calls += 1;
    row.inputTokens += usage.inputTokens;
    row.outputTokens += usage.outputTokens;
    row.cost += usage.cost;
  } else {
    book.aiUsage.push({ provider: usage.provider, model: usage.model, calls: 1, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cost: usage.cost });
  }
}

export function recordHuman(book: RunBook, interaction: HumanInteraction): void {
  book.humanInteractions.push(interaction);
  book.metrics.humanInterventions += 1;
}

export function bookToText(book: RunBook): string {
  return JSON.stringify(book);
}

export function bookFromText(text: string): RunBook {
  return { ...emptyBook(), ...(JSON.parse(text) as Partial<RunBook>) };
}
