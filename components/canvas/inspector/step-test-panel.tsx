"use client";
// "Test this step": runs this node alone on the latest run's data at it, or on typed JSON, and
// shows the output or error, how long it took and its log lines. A succeeded test can be pinned.
import { useId, useState } from "react";
import { FlaskConical, Pin } from "lucide-react";
import { testStepAction } from "@/app/(app)/workflows/[id]/actions";
import { Button } from "@/components/ui/button";
import { JsonViewer } from "@/components/ui/json-viewer";
import { formatCost, formatCount, formatDuration } from "@/lib/format/run-format";
import type { StepTestView } from "@/lib/workflows/step-test";
import { cn } from "@/lib/utils";
import type { Autosaver } from "../store/autosaver";
import { useEditorContext } from "../store/context";
import { controlClass, FieldMessages } from "./field-parts";
import { useIncomingSample } from "./use-incoming-sample";
import { usePinOutput, useSaveFirst } from "./use-step-tools";

type Source = "latest" | "json";

/** The browser's own check of typed JSON, so a mistake shows as it is typed; the server checks again. */
function jsonProblem(text: string): string | null {
  if (text.trim() === "") return "Type an input as JSON, e.g. {\"amount\": 42}";
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `This is not valid JSON: ${(error as Error).message}`;
  }
}

const STATUS: Record<StepTestView["status"], { text: string; tone: string }> = {
  succeeded: { text: "Succeeded", tone: "text-emerald-700 dark:text-emerald-300" },
  failed: { text: "Failed", tone: "text-red-600 dark:text-red-400" },
  waiting: { text: "Would wait", tone: "text-amber-700 dark:text-amber-300" },
  timed_out: { text: "Stopped at its time limit", tone: "text-red-600 dark:text-red-400" },
};

export function StepTestPanel({ nodeId, autosaver }: { nodeId: string; autosaver?: Autosaver }) {
  const id = useId();
  const { workflowId } = useEditorContext();
  const sample = useIncomingSample(nodeId);
  const saveFirst = useSaveFirst(autosaver);
  const { pin } = usePinOutput(nodeId);
  const hasRun = Boolean(sample.data);
  const [source, setSource] = useState<Source | null>(null);
  const chosen: Source = source ?? (hasRun ? "latest" : "json");
  const [text, setText] = useState("{}");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<StepTestView | null>(null);
  const typedProblem = chosen === "json" ? jsonProblem(text) : null;

  async function test() {
    setBusy(true);
    setRefusal(null);
    try {
      const unsaved = await saveFirst();
      if (unsaved) return setRefusal(unsaved);
      const answer = await testStepAction({ id: workflowId, nodeId, input: chosen === "latest" ? { source: "latest" } : { source: "json", text } });
      if (answer.ok) setResult(answer.result);
      else setRefusal(answer.message);
    } catch {
      setRefusal("The test could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="step-test" className="space-y-2">
      <div role="radiogroup" aria-label="Input for the test" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <label className={cn("flex items-center gap-1.5", !hasRun && "text-zinc-400")}>
          <input type="radio" name={`${id}-source`} checked={chosen === "latest"} disabled={!hasRun} onChange={() => setSource("latest")} data-testid="step-test-source-latest" />
          Latest run&apos;s data
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-source`} checked={chosen === "json"} onChange={() => setSource("json")} data-testid="step-test-source-json" />
          Typed JSON
        </label>
      </div>
      {chosen === "latest" && sample.data && (
        <p className="text-xs text-zinc-500" data-testid="step-test-latest">
          The data that reached this step in run <code className="font-mono">{sample.data.runId.slice(-6)}</code>.
        </p>
      )}
      {chosen === "json" && (
        <div>
          <label htmlFor={`${id}-json`} className="sr-only">
            Input as JSON
          </label>
          <textarea
            id={`${id}-json`}
            data-testid="step-test-json"
            rows={4}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={typedProblem !== null}
            aria-describedby={`${id}-json-msg`}
            className={cn(controlClass, "font-mono text-xs")}
          />
          <FieldMessages id={`${id}-json-msg`} errors={typedProblem ? [typedProblem] : undefined} hint={hasRun ? undefined : "No run has reached this step yet: type what it should receive."} />
        </div>
      )}
      <Button size="sm" variant="secondary" data-testid="step-test-run" onClick={() => void test()} disabled={busy || typedProblem !== null}>
        <FlaskConical aria-hidden className="size-4" />
        {busy ? "Testing…" : "Test this step"}
      </Button>
      {refusal && (
        <p role="alert" data-testid="step-test-refusal" className="text-xs text-red-600 dark:text-red-400">
          {refusal}
        </p>
      )}
      {result && !busy && (
        <div data-testid="step-test-result" data-status={result.status} aria-live="polite" className="min-w-0 space-y-2">
          <p className="text-xs">
            <span className={cn("font-semibold", STATUS[result.status].tone)}>{STATUS[result.status].text}</span>
            <span className="text-zinc-500"> in {formatDuration(result.durationMs)}</span>
            {result.handle && <span className="text-zinc-500"> · via {result.handle}</span>}
            {result.aiCalls.length > 0 && (
              <span className="text-zinc-500">
                {" "}
                · {formatCount(result.aiCalls.reduce((n, c) => n + c.inputTokens + c.outputTokens, 0))} tokens, {formatCost(result.aiCalls.reduce((n, c) => n + c.cost, 0))}
              </span>
            )}
          </p>
          {result.error && <p className="text-xs break-words text-red-600 dark:text-red-400">{result.error.message}</p>}
          {result.status !== "failed" && result.status !== "timed_out" && <JsonViewer value={result.output} label="Output of the test" openDepth={1} />}
          {result.logs.length > 0 && (
            <details className="text-xs">
              <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Log ({result.logs.length} lines)</summary>
              <pre data-testid="step-test-logs" className="mt-1 max-h-40 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] whitespace-pre-wrap dark:bg-zinc-950">
                {result.logs.join("\n")}
              </pre>
            </details>
          )}
          {result.status === "succeeded" && (
            <Button size="sm" variant="ghost" data-testid="step-test-pin" onClick={() => pin(result.output, result.handle, null)}>
              <Pin aria-hidden className="size-4" /> Pin this output
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
