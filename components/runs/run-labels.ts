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
