// An agent step's transcript entries (services.run.recordAgentEntry) as run events: one
// `agent_model` per model call, one `agent_tool` per tool call. Readable fields in
// event_logs.data (turn, name, tokens, cost, duration, error.message); the tool's arguments and
// result are user values, so they travel as `input` and `output`, which the event log keeps as
// JSON text (event-records.ts).
import type { AgentEntry } from "./services";

interface StepRef {
  at: number;
  nodeId: string;
  stepId: string;
  attempt: number;
}

export type AgentEvent =
  | (StepRef & { type: "agent_model" } & Omit<Extract<AgentEntry, { kind: "model" }>, "kind">)
  | (StepRef & {
      type: "agent_tool";
      turn: number;
      callId: string;
      name: string;
      source: string;
      input: unknown;
      output?: unknown;
      error?: { message: string };
      durationMs: number;
      meta?: Record<string, string | number | boolean>;
    });

/** Only scalar facts are kept from a tool's meta: they are readable fields, never user structures. */
function scalars(meta: Record<string, unknown> | undefined): Record<string, string | number | boolean> | undefined {
  if (!meta) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(key) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function agentEvent(entry: AgentEntry, ref: StepRef): AgentEvent {
  if (entry.kind === "model") {
    const rest: Omit<typeof entry, "kind"> & { kind?: string } = { ...entry };
    delete rest.kind;
    return { type: "agent_model", ...ref, ...rest };
  }
  const meta = scalars(entry.meta);
  return {
    type: "agent_tool",
    ...ref,
    turn: entry.turn,
    callId: entry.callId,
    name: entry.name,
    source: entry.source,
    input: entry.args,
    ...(entry.error !== undefined ? { error: { message: entry.error } } : { output: entry.result }),
    durationMs: entry.durationMs,
    ...(meta ? { meta } : {}),
  };
}
