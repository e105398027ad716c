// An agent step's transcript from the run's events (agent_model, agent_tool): one transcript
// per step attempt, its entries in order. Pure, so the run page and its tests read it the same.
import type { RunEventView } from "@/lib/runtime/contract";

export type TranscriptEntry =
  | { kind: "model"; seq: number; turn: number; text: string; asked: string[]; purpose?: string; inputTokens: number; outputTokens: number; cost: number; durationMs: number; finishReason?: string }
  | { kind: "tool"; seq: number; turn: number; name: string; source: string; args: unknown; result?: unknown; error?: string; durationMs: number; status?: number };

export interface Transcript {
  nodeId: string;
  stepId: string;
  attempt: number;
  entries: TranscriptEntry[];
  totals: { turns: number; toolCalls: number; tokens: number; cost: number };
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : "");

function entryOf(event: RunEventView): TranscriptEntry | null {
  const d = event.data;
  if (event.type === "agent_model") {
    const asked = Array.isArray(d.toolCalls) ? (d.toolCalls as { name?: unknown }[]).map((c) => str(c?.name)) : [];
    return {
      kind: "model",
      seq: event.seq,
      turn: num(d.turn),
      text: str(d.text),
      asked,
      ...(typeof d.purpose === "string" ? { purpose: d.purpose } : {}),
      inputTokens: num(d.inputTokens),
      outputTokens: num(d.outputTokens),
      cost: num(d.cost),
      durationMs: num(d.durationMs),
      ...(typeof d.finishReason === "string" ? { finishReason: d.finishReason } : {}),
    };
  }
  if (event.type === "agent_tool") {
    const error = d.error as { message?: unknown } | undefined;
    const meta = d.meta as { status?: unknown } | undefined;
    return {
      kind: "tool",
      seq: event.seq,
      turn: num(d.turn),
      name: str(d.name),
      source: str(d.source),
      args: d.input,
      ...(error ? { error: str(error.message) } : { result: d.output }),
      durationMs: num(d.durationMs),
      ...(typeof meta?.status === "number" ? { status: meta.status } : {}),
    };
  }
  return null;
}

export function agentTranscripts(events: readonly RunEventView[]): Transcript[] {
  const byAttempt = new Map<string, Transcript>();
  for (const event of events) {
    const entry = entryOf(event);
    if (!entry || !event.nodeId || !event.stepId) continue;
    const attempt = num(event.data.attempt) || 1;
    const key = `${event.stepId}@${attempt}`;
    let transcript = byAttempt.get(key);
    if (!transcript) {
      transcript = { nodeId: event.nodeId, stepId: event.stepId, attempt, entries: [], totals: { turns: 0, toolCalls: 0, tokens: 0, cost: 0 } };
      byAttempt.set(key, transcript);
    }
    transcript.entries.push(entry);
    if (entry.kind === "model") {
      transcript.totals.turns += 1;
      transcript.totals.tokens += entry.inputTokens + entry.outputTokens;
      transcript.totals.cost = Math.round((transcript.totals.cost + entry.cost) * 1_000_000) / 1_000_000;
    } else {
      transcript.totals.toolCalls += 1;
    }
  }
  return [...byAttempt.values()];
}

/** A value for reading: text as it is, anything else as indented JSON, cut when very long. */
export function shown(value: unknown, max = 4_000): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value, null, 2) ?? "nothing");
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}
