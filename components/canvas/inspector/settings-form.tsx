"use client";
// Run settings of the whole workflow, shown when nothing is selected.
import { useMemo } from "react";
import { workflowSettingsSchema } from "@/lib/workflow/schema";
import type { WorkflowSettings } from "@/lib/workflow/types";
import type { SettingsSaveState } from "../hooks/use-settings";
import { BudgetFields } from "./budget-fields";
import { issuesByPath } from "./config-paths";
import { SettingNumber } from "./setting-number";

const NUMBERS: { key: "timeout" | "maxRetries" | "concurrency" | "maxSteps"; label: string; hint: string }[] = [
  { key: "timeout", label: "Timeout (seconds)", hint: "Longest a run may take; 0 means no limit." },
  { key: "maxRetries", label: "Max retries", hint: "How often a failed step is tried again (nodes may override)." },
  { key: "concurrency", label: "Concurrency", hint: "Runs of this workflow at once; 0 means no limit." },
  { key: "maxSteps", label: "Max steps", hint: "Steps one run may take before it stops as a runaway loop." },
];

const FLAGS: { key: "notifyOnFailure" | "notifyOnSuccess"; label: string }[] = [
  { key: "notifyOnFailure", label: "Notify the owners when a run fails" },
  { key: "notifyOnSuccess", label: "Notify the owners when a run succeeds" },
];

export function SettingsForm({
  settings,
  onChange,
  save,
  readOnly,
}: {
  settings: WorkflowSettings;
  onChange: (next: WorkflowSettings) => void;
  save: SettingsSaveState;
  readOnly: boolean;
}) {
  const issues = useMemo(() => {
    const parsed = workflowSettingsSchema.safeParse(settings);
    return issuesByPath(parsed.success ? undefined : parsed.error);
  }, [settings]);
  return (
    <div className="space-y-4" data-testid="workflow-settings">
      <div className="pr-6">
        <h2 className="text-sm font-semibold">Workflow settings</h2>
        <p className="text-xs text-zinc-500">These apply to every run of this workflow.</p>
      </div>
      <fieldset disabled={readOnly} className="space-y-3">
        {NUMBERS.map(({ key, label, hint }) => (
          <SettingNumber
            key={key}
            id={`settings-${key}`}
            label={label}
            hint={hint}
            value={settings[key]}
            errors={issues.get(key)}
            onChange={(text) => onChange({ ...settings, [key]: text === "" ? Number.NaN : Number(text) })}
          />
        ))}
        {FLAGS.map(({ key, label }) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={settings[key]} onChange={(e) => onChange({ ...settings, [key]: e.target.checked })} className="size-4 accent-accent-600" />
            {label}
          </label>
        ))}
        <BudgetFields settings={settings} onChange={onChange} issues={issues} />
      </fieldset>
      <p role="status" className="text-xs text-zinc-500">
        {save.status === "saving" && "Saving settings…"}
        {save.status === "saved" && "Settings saved"}
        {save.status === "error" && <span className="text-red-600">Settings not saved: {save.message}</span>}
      </p>
    </div>
  );
}
