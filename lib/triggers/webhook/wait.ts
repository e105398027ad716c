// "Wait for the result": follows the run until it ends or the time limit passes. Reads the run's
// head every 50 ms (in the process that runs it the events arrive sooner through the bus, which
// only shortens the wait). Also used by workflows called as AI tools (lib/workflows/as-tool.ts),
// whose wait an abort signal ends early.
import { isTerminal } from "@/lib/engine/state";
import { onEvents } from "@/lib/runtime/bus";
import { readRun } from "@/lib/runtime/control";

export type RunResult = { status: "completed"; output: unknown } | { status: "failed" | "cancelled"; message: string } | null;

export async function waitForRun(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<RunResult> {
  const deadline = Date.now() + timeoutMs;
  let wake: () => void = () => {};
  const unsubscribe = onEvents(runId, () => wake());
  const onAbort = () => wake();
  signal?.addEventListener("abort", onAbort);
  try {
    while (Date.now() < deadline && !signal?.aborted) {
      const run = await readRun(runId);
      if (run && isTerminal(run.state.status)) {
        if (run.state.status === "completed") return { status: "completed", output: run.state.output?.value ?? null };
        return { status: run.state.status as "failed" | "cancelled", message: run.state.error?.message ?? `The run ${run.state.status}.` };
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(50, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return null;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}
