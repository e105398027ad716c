// One line of the run timeline for each event type, in words. Pure: used by the live timeline.
import type { RunEventView } from "@/lib/runtime/contract";
import { formatCost, formatCount, formatDuration, formatMoment } from "@/lib/format/run-format";

export type EventTone = "neutral" | "good" | "bad" | "wait" | "info";

export interface DescribedEvent {
  text: string;
  tone: EventTone;
  /** A second line: an error message, an output excerpt. */
  detail?: string;
}

type Labels = (nodeId: string | null | undefined) => string;
/** The label the designer gave a node's output ("Over budget"), or the handle id when unknown. */
type BranchLabels = (nodeId: string | null | undefined, handle: string) => string;
/** A person's name for a user id (lib/users/people.ts personName), or null when unknown. */
type PersonNames = (userId: string) => string | null;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const excerptOf = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

function waitText(reason: string | undefined): string {
  if (reason === "human") return "Waiting for a human task";
  if (reason === "subprocess") return "Waiting for a child run";
  if (reason === "timer") return "Waiting for a timer";
  if (reason === "budget") return "Waiting for an owner to approve extra AI spend";
  return reason ? `Waiting (${reason})` : "Waiting";
}

export function describeEvent(event: RunEventView, label: Labels, branch: BranchLabels = (_, handle) => handle, person: PersonNames = () => null): DescribedEvent {
  const d = event.data;
  const node = label(event.nodeId);
  const attempt = num(d.attempt);
  const onAttempt = attempt && attempt > 1 ? ` (attempt ${attempt})` : "";
  switch (event.type) {
    case "workflow_start":
      return { text: "Run started", tone: "info" };
    case "node_start":
      return { text: `${node} started${onAttempt}${d.replay ? ", run again after a worker stopped" : ""}`, tone: "neutral" };
    case "node_complete": {
      const took = num(d.durationMs);
      const handle = str(d.handle);
      const via = handle && handle !== "out" ? ` via “${branch(event.nodeId, handle)}”` : "";
      return { text: `${node} succeeded${took !== undefined ? ` in ${formatDuration(took)}` : ""}${via}`, tone: "good" };
    }
    case "node_error": {
      const error = (d.error ?? {}) as { message?: string };
      const outcome = str(d.outcome);
      const retryAt = num(d.retryAt);
      const then =
        outcome === "retry" ? `; retrying${retryAt ? ` at ${formatMoment(new Date(retryAt).toISOString())}` : ""}` : outcome === "error_output" ? "; took its error path" : "";
      return { text: `${node} failed${onAttempt}${then}`, tone: outcome === "fail" ? "bad" : "wait", detail: error.message };
    }
    case "node_waiting":
      return { text: `${node}: ${waitText(str(d.reason))}`, tone: "wait" };
    case "timer_set": {
      const until = num(d.wakeAt);
      return { text: `${node}: waiting until ${until ? formatMoment(new Date(until).toISOString()) : "later"}`, tone: "wait" };
    }
    case "join_waiting":
      return { text: `${node}: ${num(d.arrived) ?? 0} of ${num(d.expected) ?? 0} branches arrived`, tone: "neutral" };
    case "node_skipped": {
      const ids = Array.isArray(d.nodeIds) ? (d.nodeIds as string[]) : [];
      return { text: `Skipped: ${ids.map((id) => label(id)).join(", ")}`, tone: "neutral" };
    }
    case "node_cancelled":
      return { text: `${node} stopped`, tone: "neutral", detail: str(d.reason) };
    case "ai_call": {
      const tokens = (num(d.inputTokens) ?? 0) + (num(d.outputTokens) ?? 0);
      return { text: `${node}: AI call to ${str(d.provider) ?? "?"} / ${str(d.model) ?? "?"}, ${formatCount(tokens)} tokens, ${formatCost(num(d.cost))}`, tone: "info" };
    }
    case "agent_model": {
      const asked = Array.isArray(d.toolCalls) ? (d.toolCalls as { name?: unknown }[]).map((c) => str(c?.name) ?? "?") : [];
      const tokens = (num(d.inputTokens) ?? 0) + (num(d.outputTokens) ?? 0);
      const did = asked.length > 0 ? `asked for ${asked.join(", ")}` : "answered";
      const text = str(d.text);
      return { text: `${node}: model turn ${num(d.turn) ?? "?"} ${did} (${formatCount(tokens)} tokens, ${formatCost(num(d.cost))})`, tone: "info", detail: text ? excerptOf(text) : undefined };
    }
    case "agent_tool": {
      const error = (d.error ?? undefined) as { message?: string } | undefined;
      const took = num(d.durationMs);
      const name = str(d.name) ?? "?";
      const tail = took !== undefined ? ` in ${formatDuration(took)}` : "";
      return error
        ? { text: `${node}: tool ${name} failed${tail}`, tone: "wait", detail: error.message }
        : { text: `${node}: tool ${name} answered${tail}`, tone: "info", detail: excerptOf(typeof d.output === "string" ? d.output : (JSON.stringify(d.output) ?? "")) };
    }
    case "human_approval": {
      const handle = str(d.handle);
      const who = str(d.by) ? person(str(d.by)!) : null;
      const by = who ? ` by ${who}` : "";
      if (d.outcome === "error") return { text: `${node}: task ended with an error${by}`, tone: "info" };
      const did = handle === "approve" ? "approved" : handle === "reject" ? "rejected" : `completed${handle ? ` via “${branch(event.nodeId, handle)}”` : ""}`;
      return { text: `${node}: ${did}${by}`, tone: "info" };
    }
    case "pinned_output":
      return { text: `${node}: pinned output used, the step did not run`, tone: "info", detail: str(d.pinnedAt) ? `Pinned ${formatMoment(str(d.pinnedAt)!)}` : undefined };
    case "human_task_created":
      return { text: `${node}: human task created`, tone: "wait" };
    case "workflow_complete":
      return { text: "Run succeeded", tone: "good" };
    case "workflow_failed": {
      const error = (d.error ?? {}) as { message?: string };
      return { text: "Run failed", tone: "bad", detail: error.message };
    }
    case "workflow_cancelled":
      return { text: "Run cancelled", tone: "neutral", detail: str(d.reason) };
    case "run_retried":
      return { text: event.nodeId ? `Retried from ${node}` : "Retried", tone: "info", detail: str(d.previousError) ? `After: ${str(d.previousError)}` : undefined };
    default:
      return { text: event.nodeId ? `${event.type.replaceAll("_", " ")}: ${node}` : event.type.replaceAll("_", " "), tone: "neutral" };
  }
}

/** Events after which the server's view of the run (status, steps, waits) has changed. */
export const REFRESHING_EVENTS: ReadonlySet<string> = new Set([
  "node_complete",
  "node_error",
  "node_waiting",
  "timer_set",
  "node_cancelled",
  "node_skipped",
  "ai_call",
  "agent_model",
  "agent_tool",
  "human_approval",
  "workflow_start",
  "workflow_complete",
  "workflow_failed",
  "workflow_cancelled",
  "run_retried",
]);
