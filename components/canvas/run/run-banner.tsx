"use client";
// The strip over the canvas while a run is watched: its status, progress and elapsed time, a
// link to its page, and a way to stop showing it. Announced politely to screen readers.
import { useEffect, useState } from "react";
import Link from "next/link";
import { Clock, ExternalLink, Loader2, X } from "lucide-react";
import { cn } from "@/lib/utils";
import { useAnnotations, useEditorContext } from "../store/context";
import { formatDuration } from "@/lib/format/run-format";
import { isLiveRunOver, liveProgress, type LiveRunStatus } from "./live-run";

const STATUS: Record<LiveRunStatus, { label: string; tone: string }> = {
  connecting: { label: "Starting…", tone: "bg-sky-50 text-sky-900 border-sky-200 dark:bg-sky-500/10 dark:text-sky-100 dark:border-sky-500/30" },
  running: { label: "Running", tone: "bg-sky-50 text-sky-900 border-sky-200 dark:bg-sky-500/10 dark:text-sky-100 dark:border-sky-500/30" },
  paused: { label: "Waiting", tone: "bg-violet-50 text-violet-900 border-violet-200 dark:bg-violet-500/10 dark:text-violet-100 dark:border-violet-500/30" },
  completed: { label: "Succeeded", tone: "bg-emerald-50 text-emerald-900 border-emerald-200 dark:bg-emerald-500/10 dark:text-emerald-100 dark:border-emerald-500/30" },
  failed: { label: "Failed", tone: "bg-red-50 text-red-900 border-red-200 dark:bg-red-500/10 dark:text-red-100 dark:border-red-500/30" },
  cancelled: { label: "Cancelled", tone: "bg-zinc-100 text-zinc-800 border-zinc-300 dark:bg-zinc-800 dark:text-zinc-100 dark:border-zinc-600" },
};

function useElapsed(running: boolean): number {
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return now - since;
}

export function RunBanner() {
  const run = useAnnotations((s) => s.liveRun);
  if (!run) return null;
  return <Banner key={run.runId} />;
}

function Banner() {
  const { annotations } = useEditorContext();
  const run = useAnnotations((s) => s.liveRun)!;
  const over = isLiveRunOver(run);
  const elapsed = useElapsed(!over);
  const { done, total } = liveProgress(run);
  const look = STATUS[run.status];
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="run-banner"
      data-status={run.status}
      // Centred over the canvas, as wide as its content up to the canvas's width; on a narrow
      // canvas (the inspector open, a small window) its parts wrap onto a second line instead
      // of squeezing each other.
      className={cn(
        "pointer-events-auto absolute inset-x-3 top-3 z-10 mx-auto flex w-fit max-w-[40rem] flex-wrap items-center justify-center gap-x-3 gap-y-0.5 rounded-2xl border px-4 py-1.5 text-sm shadow-sm",
        look.tone,
      )}
    >
      {run.status === "paused" ? <Clock aria-hidden className="size-4 shrink-0" /> : !over && <Loader2 aria-hidden className="size-4 shrink-0 animate-spin" />}
      <span className="font-medium whitespace-nowrap" data-testid="run-banner-status">
        {run.mode === "test" ? "Test run" : "Run"} · {look.label}
      </span>
      <span className="text-xs whitespace-nowrap opacity-80">
        {done}/{total} steps{!over ? ` · ${formatDuration(elapsed)}` : ""}
      </span>
      {run.error && (
        <span className="max-w-[18rem] min-w-0 truncate text-xs" title={run.error}>
          {run.error}
        </span>
      )}
      <Link href={`/runs/${run.runId}`} data-testid="run-banner-open" className="inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap underline underline-offset-2">
        Open run <ExternalLink aria-hidden className="size-3" />
      </Link>
      <button type="button" aria-label="Stop showing this run" className="rounded-full p-0.5 hover:bg-black/5 dark:hover:bg-white/10" onClick={() => annotations.getState().setLiveRun(null)}>
        <X aria-hidden className="size-3.5" />
      </button>
    </div>
  );
}
