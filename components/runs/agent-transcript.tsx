// The transcripts of a run's agent steps: each model turn (what it said, which tools it asked
// for, tokens, cost, time) and each tool call (arguments, result or error, time), in order.
// Renders on the server with the page; the timeline's refresh on each agent event keeps it live.
import { Bot, CircleAlert, Wrench } from "lucide-react";
import type { RunEventView } from "@/lib/runtime/contract";
import { formatCost, formatCount, formatDuration } from "@/lib/format/run-format";
import { agentTranscripts, shown, type Transcript, type TranscriptEntry } from "./agent-transcript-model";

const pre = "mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs leading-5 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200";
const facts = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";

const PURPOSE: Record<string, string> = { repair: "asked again for valid JSON", final: "asked for an answer at the tool-call limit" };

function ModelTurn({ entry }: { entry: Extract<TranscriptEntry, { kind: "model" }> }) {
  return (
    <li data-testid="transcript-model" className="flex gap-3 px-4 py-3">
      <Bot aria-hidden className="mt-0.5 size-4 shrink-0 text-violet-600 dark:text-violet-400" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          Model, turn {entry.turn}
          {entry.purpose && PURPOSE[entry.purpose] ? <span className="font-normal text-zinc-500"> · {PURPOSE[entry.purpose]}</span> : null}
        </p>
        {entry.text ? <p className="mt-1 whitespace-pre-wrap break-words text-sm">{entry.text}</p> : null}
        {entry.asked.length > 0 ? (
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Asked for {entry.asked.map((name, i) => (
              <span key={`${name}-${i}`}>
                {i > 0 ? ", " : ""}
                <code className="font-mono text-xs">{name}</code>
              </span>
            ))}
          </p>
        ) : (
          !entry.text && <p className="mt-1 text-sm text-zinc-500">No text.</p>
        )}
        <p className={facts}>
          {formatCount(entry.inputTokens)} tokens in, {formatCount(entry.outputTokens)} out · {formatCost(entry.cost)} · {formatDuration(entry.durationMs)}
        </p>
      </div>
    </li>
  );
}

function ToolCall({ entry }: { entry: Extract<TranscriptEntry, { kind: "tool" }> }) {
  const failed = entry.error !== undefined;
  const Icon = failed ? CircleAlert : Wrench;
  return (
    <li data-testid="transcript-tool" data-tool={entry.name} data-failed={failed} className="flex gap-3 px-4 py-3">
      <Icon aria-hidden className={failed ? "mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" : "mt-0.5 size-4 shrink-0 text-sky-600 dark:text-sky-400"} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          Tool <code className="font-mono text-xs">{entry.name}</code>
          <span className="font-normal text-zinc-500"> · {entry.source}</span>
          {failed ? <span className="font-normal text-red-700 dark:text-red-300"> · failed</span> : null}
        </p>
        <div className="mt-1 grid gap-2 lg:grid-cols-2">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Arguments</p>
            <pre className={pre}>{shown(entry.args ?? {})}</pre>
          </div>
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{failed ? "Error (shown to the model)" : "Result"}</p>
            <pre className={failed ? `${pre} border-red-200 bg-red-50 text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300` : pre}>{failed ? entry.error : shown(entry.result)}</pre>
          </div>
        </div>
        <p className={facts}>
          {entry.status !== undefined ? `HTTP ${entry.status} · ` : ""}
          {formatDuration(entry.durationMs)}
        </p>
      </div>
    </li>
  );
}

function TranscriptPanel({ transcript, label, index }: { transcript: Transcript; label: string; index: number }) {
  const headingId = `agent-transcript-${index}`;
  const { totals } = transcript;
  return (
    <section aria-labelledby={headingId} data-testid="agent-transcript" data-node-id={transcript.nodeId} className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id={headingId} className="text-sm font-semibold">
          Agent transcript: {label}
          {transcript.attempt > 1 ? <span className="font-normal text-zinc-500"> · attempt {transcript.attempt}</span> : null}
        </h2>
        <p className="text-xs text-zinc-500">
          {totals.turns} model {totals.turns === 1 ? "turn" : "turns"} · {totals.toolCalls} tool {totals.toolCalls === 1 ? "call" : "calls"} · {formatCount(totals.tokens)} tokens · {formatCost(totals.cost)}
        </p>
      </div>
      <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {transcript.entries.map((entry) => (entry.kind === "model" ? <ModelTurn key={entry.seq} entry={entry} /> : <ToolCall key={entry.seq} entry={entry} />))}
      </ol>
    </section>
  );
}

export function AgentTranscripts({ events, labels }: { events: readonly RunEventView[]; labels: Map<string, string> }) {
  const transcripts = agentTranscripts(events);
  if (transcripts.length === 0) return null;
  return (
    <div className="space-y-6">
      {transcripts.map((t, i) => (
        <TranscriptPanel key={`${t.stepId}@${t.attempt}`} transcript={t} label={labels.get(t.nodeId) ?? t.nodeId} index={i} />
      ))}
    </div>
  );
}
