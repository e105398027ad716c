// A poison step: one whose worker stopped — died, or lost the run — every time it ran it, so it
// would be replayed forever (a script that kills its process, a step that outlives every lease).
// The count lives in the step's token (Token.replays, raised by beginStep on each replay) inside
// the persisted state, so it survives the very crashes it counts. Once the worker has stopped
// `poisonAfter` times in a row the step fails for good instead of running again, taking the
// node's error output when it has one.
import type { StepResult } from "@/lib/engine/executor";
import type { RunVersion, Step } from "@/lib/engine/interpreter";
import type { RunState } from "@/lib/engine/state";
import { defaultSettings } from "@/lib/workflow/schema";

export const POISON_CODE = "poison_step";

/** How many times in a row a step's worker may stop before the step fails. */
export function poisonLimit(graph: RunVersion): number {
  const configured = graph.settings?.poisonAfter;
  return typeof configured === "number" && configured >= 1 ? configured : (defaultSettings.poisonAfter ?? 3);
}

/** The failure for a replayed step whose worker already stopped `limit` times, or null to run it again. */
export function poisonFailure(state: RunState, step: Step, limit: number): Extract<StepResult, { kind: "error" }> | null {
  if (!step.replay) return null;
  const token = state.tokens.find((t) => t.stepId === step.stepId);
  // The first run stopped once; each replay since then stopped once more.
  const stops = (token?.replays ?? 0) + 1;
  if (stops < limit) return null;
  return {
    kind: "error",
    retryable: false,
    error: {
      message: `the step stopped its worker ${stops} times in a row (the worker died or lost the run while the step ran); it was not run again`,
      code: POISON_CODE,
      details: { stops },
    },
  };
}
