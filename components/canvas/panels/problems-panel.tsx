"use client";
// The validation problems of the current graph. Choosing one selects its node(s) and brings
// them into view; a connection problem selects the connection.
import { memo, useState } from "react";
import { AlertCircle, AlertTriangle, CheckCircle2, ChevronDown, ChevronUp } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import type { Problem } from "@/lib/engine/validate";
import { cn } from "@/lib/utils";
import { useCanvasActions } from "../hooks/use-canvas-actions";
import { problemNodeIds } from "../store/markers";
import { useAnnotations } from "../store/context";

const MAX_SHOWN = 200;

export const ProblemsPanel = memo(function ProblemsPanel() {
  const { problems, errorCount, warningCount, validated } = useAnnotations(
    useShallow((s) => ({ problems: s.problems, errorCount: s.errorCount, warningCount: s.warningCount, validated: s.validated })),
  );
  const { focus } = useCanvasActions();
  const [open, setOpen] = useState(true);
  const choose = (p: Problem) => focus(problemNodeIds(p), p.edgeId ? [p.edgeId] : []);
  return (
    <section
      data-testid="problems-panel"
      aria-label="Problems"
      data-errors={errorCount}
      data-warnings={warningCount}
      className="shrink-0 border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-3 px-3 py-1.5 text-left text-xs font-semibold text-zinc-700 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <span>Problems</span>
        {validated && problems.length === 0 ? (
          <span className="inline-flex items-center gap-1 font-normal text-emerald-700 dark:text-emerald-400">
            <CheckCircle2 aria-hidden className="size-3.5" /> Ready to publish
          </span>
        ) : (
          <>
            <span className="inline-flex items-center gap-1 font-normal text-red-700 dark:text-red-400">
              <AlertCircle aria-hidden className="size-3.5" /> {errorCount} error{errorCount === 1 ? "" : "s"}
            </span>
            <span className="inline-flex items-center gap-1 font-normal text-amber-700 dark:text-amber-400">
              <AlertTriangle aria-hidden className="size-3.5" /> {warningCount} warning{warningCount === 1 ? "" : "s"}
            </span>
          </>
        )}
        <span className="ml-auto text-zinc-400">{open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronUp aria-hidden className="size-4" />}</span>
      </button>
      {open && problems.length > 0 && (
        <ul className="max-h-40 overflow-y-auto border-t border-zinc-100 py-1 dark:border-zinc-800">
          {problems.slice(0, MAX_SHOWN).map((p, i) => (
            <li key={`${p.code}-${p.nodeId ?? ""}-${p.edgeId ?? ""}-${p.path ?? ""}-${i}`}>
              <button
                type="button"
                data-testid="problem-item"
                data-code={p.code}
                data-node-id={p.nodeId}
                data-severity={p.severity}
                onClick={() => choose(p)}
                className="flex w-full items-start gap-2 px-3 py-1 text-left text-xs hover:bg-zinc-50 focus:bg-zinc-50 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
              >
                {p.severity === "error" ? (
                  <AlertCircle aria-label="Error" className="mt-0.5 size-3.5 shrink-0 text-red-600" />
                ) : (
                  <AlertTriangle aria-label="Warning" className="mt-0.5 size-3.5 shrink-0 text-amber-500" />
                )}
                <span className={cn(p.severity === "error" ? "text-zinc-800 dark:text-zinc-200" : "text-zinc-600 dark:text-zinc-400")}>{p.message}</span>
              </button>
            </li>
          ))}
          {problems.length > MAX_SHOWN && <li className="px-3 py-1 text-xs text-zinc-500">…and {problems.length - MAX_SHOWN} more. Fix these first.</li>}
        </ul>
      )}
    </section>
  );
});
