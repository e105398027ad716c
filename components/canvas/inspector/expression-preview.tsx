"use client";
// "Try it": under an expression field, what it gives against the latest run's data for this node,
// evaluated in the browser by the engine's own evaluator (lib/workflows/preview.ts) a moment after
// the typing stops.
import { useEffect, useMemo, useState } from "react";
import { checkExpression } from "@/lib/expressions";
import { cn } from "@/lib/utils";
import { previewExpression, type Preview, type PreviewKind } from "@/lib/workflows/preview";
import { useIncomingSample } from "./use-incoming-sample";

/** How long typing must pause before the expression is evaluated. */
const DEBOUNCE_MS = 300;

const TONE: Record<Preview["state"], string> = {
  "no-run": "text-zinc-500",
  value: "text-zinc-700 dark:text-zinc-300",
  nothing: "text-amber-700 dark:text-amber-300",
  error: "text-red-600 dark:text-red-400",
};

export function ExpressionPreview({ id, nodeId, source, kind }: { id: string; nodeId: string; source: string; kind: PreviewKind }) {
  const sample = useIncomingSample(nodeId);
  // A syntax error is already said under the field: no preview of it.
  const runnable = useMemo(() => source.trim() !== "" && checkExpression(source, kind === "template" ? "template" : "jsonata") === null, [source, kind]);
  const [preview, setPreview] = useState<{ of: string; result: Preview } | null>(null);
  const data = sample.data;
  const loaded = sample.isSuccess || sample.isError;

  useEffect(() => {
    if (!runnable || !loaded) return;
    let current = true;
    const key = `${kind}\u0000${source}`;
    const timer = setTimeout(() => {
      void previewExpression(source, kind, data ?? null).then((result) => {
        if (current) setPreview({ of: key, result });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runnable, loaded, source, kind, data]);

  if (!runnable) return null;
  // Until the new value is in, the previous one is shown faded rather than a jumping line.
  const stale = preview !== null && preview.of !== `${kind}\u0000${source}`;
  const result = preview?.result;
  return (
    <p
      id={`${id}-preview`}
      data-testid="expression-preview"
      data-state={result?.state ?? "pending"}
      aria-live="polite"
      title={result?.state === "value" && result.full !== result.text ? result.full : undefined}
      className={cn("mt-1 flex min-w-0 items-baseline gap-1.5 text-xs", stale && "opacity-60")}
    >
      <span className="shrink-0 text-zinc-500">{data ? "Latest run:" : "Try it:"}</span>
      {result ? (
        result.state === "value" ? (
          <code data-testid="expression-preview-value" className="line-clamp-3 min-w-0 font-mono text-[12px] wrap-anywhere text-zinc-800 dark:text-zinc-200">
            {result.text}
          </code>
        ) : (
          <span className={cn("min-w-0 wrap-anywhere", TONE[result.state])}>{result.text}</span>
        )
      ) : (
        <span className="text-zinc-400">…</span>
      )}
    </p>
  );
}
