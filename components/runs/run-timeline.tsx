"use client";

// The run's events as a timeline that grows live. The page renders the events stored so far;
// this follows the rest over Server-Sent Events (/api/runs/<id>/events?after=<seq>; the browser
// resumes with Last-Event-ID by itself after a dropped connection) until the server says `end`.
// When a step finishes it asks the server for a fresh page (router.refresh), at most a few times
// a second, so the status, the steps and the waits above stay true.
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertCircle, CheckCircle2, Circle, Clock, Info } from "lucide-react";
import type { RunEventView } from "@/lib/runtime/contract";
import { formatClock } from "@/lib/format/run-format";
import { cn } from "@/lib/utils";
import { describeEvent, REFRESHING_EVENTS, type EventTone } from "./describe-event";

const REFRESH_EVERY_MS = 400;

const TONE: Record<EventTone, { icon: typeof Circle; className: string }> = {
  neutral: { icon: Circle, className: "text-zinc-400" },
  good: { icon: CheckCircle2, className: "text-emerald-600 dark:text-emerald-400" },
  bad: { icon: AlertCircle, className: "text-red-600 dark:text-red-400" },
  wait: { icon: Clock, className: "text-amber-600 dark:text-amber-400" },
  info: { icon: Info, className: "text-sky-600 dark:text-sky-400" },
};

export interface RunTimelineProps {
  runId: string;
  /** Events the page read from the event log, in seq order. */
  initialEvents: RunEventView[];
  /** The run's last persisted seq on the server (events up to it may not be in the log yet). */
  serverSeq: number;
  /** The run has ended (on the server's last look). */
  ended: boolean;
  /** Node titles by node id, to name steps, and their outputs' labels, to name branches. */
  labels: { nodeId: string; label: string; outputs?: { id: string; label: string }[] }[];
  /** Names for the user ids in the run (RunDetail.people), to say who decided a human step. */
  people?: Record<string, string>;
}

function useThrottledRefresh() {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (now = false) => {
    if (timer.current) return;
    const wait = now ? 0 : Math.max(0, last.current + REFRESH_EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      router.refresh();
    }, wait);
  };
}

export function RunTimeline({ runId, initialEvents, serverSeq, ended, labels, people }: RunTimelineProps) {
  const [streamed, setStreamed] = useState<RunEventView[]>([]);
  const [live, setLive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useThrottledRefresh();

  const events = useMemo(() => {
    const bySeq = new Map<number, RunEventView>();
    for (const e of initialEvents) bySeq.set(e.seq, e);
    for (const e of streamed) bySeq.set(e.seq, e);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, [initialEvents, streamed]);

  const lastSeq = events.length > 0 ? events[events.length - 1].seq : 0;
  const wantStream = !ended || lastSeq < serverSeq;
  // Read when the stream (re)opens, without reopening it on every event.
  const resumeAfter = useEffectEvent(() => lastSeq);
  const onEvent = useEffectEvent((event: RunEventView) => {
    setStreamed((list) => (list.some((e) => e.seq === event.seq) ? list : [...list, event]));
    if (REFRESHING_EVENTS.has(event.type)) refresh();
  });
  const onEnd = useEffectEvent(() => refresh(true));

  useEffect(() => {
    if (!wantStream) return;
    const source = new EventSource(`/api/runs/${runId}/events?after=${resumeAfter()}`);
    source.onopen = () => {
      setLive(true);
      setProblem(null);
    };
    source.addEventListener("run", (message) => onEvent(JSON.parse((message as MessageEvent<string>).data) as RunEventView));
    source.addEventListener("end", () => {
      source.close();
      setLive(false);
      onEnd();
    });
    source.addEventListener("failure", (message) => {
      setProblem((JSON.parse((message as MessageEvent<string>).data) as { message?: string }).message ?? "The event stream stopped.");
    });
    source.onerror = () => {
      // The browser reconnects by itself (with Last-Event-ID) unless the server refused for good.
      if (source.readyState === EventSource.CLOSED) {
        setLive(false);
        setProblem("Live updates stopped. Reload the page to see the latest state.");
      }
    };
    return () => {
      source.close();
      setLive(false);
    };
  }, [runId, wantStream]);

  const { labelOf, branchOf } = useMemo(() => {
    const names = new Map(labels.map((l) => [l.nodeId, l.label]));
    const branches = new Map(labels.flatMap((l) => (l.outputs ?? []).map((o) => [`${l.nodeId}\u0000${o.id}`, o.label] as const)));
    return {
      labelOf: (id: string | null | undefined) => (id ? (names.get(id) ?? id) : ""),
      branchOf: (id: string | null | undefined, handle: string) => branches.get(`${id ?? ""}\u0000${handle}`) ?? handle,
    };
  }, [labels]);
  // An id the page does not know yet (a decision that just streamed in) gets its name on the refresh that event triggers.
  const personOf = useMemo(() => (id: string) => people?.[id.toLowerCase()] ?? null, [people]);

  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current;
    if (!el || !live) return;
    // Follow the newest event unless the reader scrolled up to look at older ones.
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
  }, [events.length, live]);

  return (
    <section aria-labelledby="timeline-heading" className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="timeline-heading" className="text-sm font-semibold">
          Timeline <span className="font-normal text-zinc-500">· {events.length} {events.length === 1 ? "event" : "events"}</span>
        </h2>
        {live ? (
          <span data-testid="live-indicator" className="inline-flex items-center gap-1.5 rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-700 dark:bg-sky-500/15 dark:text-sky-300">
            <span aria-hidden className="relative flex size-2">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-400 opacity-75" />
              <span className="relative inline-flex size-2 rounded-full bg-sky-500" />
            </span>
            Live
          </span>
        ) : (
          <span className="text-xs text-zinc-500">{ended ? "Run ended" : "Not live"}</span>
        )}
      </div>
      {problem && (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-800 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-300">
          {problem}
        </p>
      )}
      {events.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">No events yet: the run is waiting for a worker to pick it up.</p>
      ) : (
        <ol ref={list} aria-live="polite" aria-relevant="additions" data-testid="run-timeline" className="max-h-[28rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
          {events.map((event) => {
            const { text, tone, detail } = describeEvent(event, labelOf, branchOf, personOf);
            const { icon: Icon, className } = TONE[tone];
            return (
              <li key={event.seq} data-type={event.type} className="flex gap-3 px-4 py-2 text-sm">
                <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", className)} />
                <div className="min-w-0 flex-1">
                  <p>{text}</p>
                  {detail && <p className="mt-0.5 break-words text-xs text-zinc-600 dark:text-zinc-400">{detail}</p>}
                </div>
                <time dateTime={event.at} className="shrink-0 font-mono text-xs text-zinc-500 tabular-nums">
                  {formatClock(event.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
