// Words for a run's version and trigger, shared by the run page and the runs list. Pure.
import type { RunSummary } from "@/lib/runtime/contract";

export function versionLabel(version: number | null): string {
  return version === null ? "Test run of draft" : `Version ${version}`;
}

const TRIGGERS: Record<string, string> = {
  test: "Test run",
  manual: "Started by hand",
  rerun: "Re-run",
  schedule: "Schedule",
  webhook: "Webhook",
  subprocess: "Subprocess",
  api: "API",
};

export function triggerLabel(trigger: RunSummary["trigger"]): string {
  const kind = TRIGGERS[trigger.type] ?? trigger.type;
  return trigger.byName ? `${kind} by ${trigger.byName}` : kind;
}

/** The header's words: "started by Dana Designer", or how it started when no person did ("Schedule"). */
export function startedBy(trigger: RunSummary["trigger"]): string {
  if (trigger.type === "test" || trigger.type === "manual") return trigger.byName ? `started by ${trigger.byName}` : "started by hand";
  return triggerLabel(trigger);
}

export interface RunAgainLabel {
  label: string;
  /** What exactly happens, for the button's tooltip and screen readers. */
  detail: string;
}

/**
 * The words of "retry" (the same run continues from the failed step, on the graph it was started
 * with) and "re-run" (a new run with the same input: a test run takes the draft as it is now, a
 * published run the version published now; lib/runtime/start.ts rerunFor). Both say which
 * version they use, because after an edit or a publish the two differ.
 */
export function runAgainLabels(version: number | null, publishedNow: number | null): { retry: RunAgainLabel; rerun: RunAgainLabel } {
  if (version === null) {
    return {
      retry: {
        label: "Retry with the version this run used",
        detail: "Continues this run from the step that failed, with the draft as it was when the run started. Steps that succeeded are kept.",
      },
      rerun: {
        label: "Re-run with the current draft",
        detail: "Starts a new test run of the draft as it is now, with the same input.",
      },
    };
  }
  const retry = {
    label: `Retry with version ${version} (used by this run)`,
    detail: `Continues this run from the step that failed, with version ${version}. Steps that succeeded are kept.`,
  };
  if (publishedNow === null) {
    return { retry, rerun: { label: "Re-run with the published version", detail: "Starts a new run of the version published now, with the same input." } };
  }
  return {
    retry,
    rerun:
      publishedNow === version
        ? { label: `Re-run with version ${version}`, detail: `Starts a new run of version ${version}, the one published now, with the same input.` }
        : {
            label: `Re-run with version ${publishedNow} (published now)`,
            detail: `Starts a new run of version ${publishedNow}, the one published now (this run used version ${version}), with the same input.`,
          },
  };
}
