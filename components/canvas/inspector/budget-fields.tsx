"use client";
// The workflow's AI budgets (lib/ai/budget): per run (a run that would exceed it pauses for an
// owner's approval) and per day (new runs are refused once today's spend reached it). Empty is
// no budget. Part of the workflow settings form, saved with them.
import type { WorkflowBudget, WorkflowSettings } from "@/lib/workflow/types";
import { SettingNumber } from "./setting-number";

const FIELDS: { key: keyof WorkflowBudget; label: string; hint: string }[] = [
  { key: "perRunUsd", label: "AI budget per run ($)", hint: "A run that would spend more on AI pauses until an owner approves the extra. Empty: no limit." },
  { key: "perDayUsd", label: "AI budget per day ($)", hint: "Once today's runs (UTC) spent this much on AI, new runs are refused until tomorrow. Empty: no limit." },
];

export function BudgetFields({ settings, onChange, issues }: { settings: WorkflowSettings; onChange: (next: WorkflowSettings) => void; issues: Map<string, string[]> }) {
  const set = (key: keyof WorkflowBudget, text: string) => {
    const budget: WorkflowBudget = { ...settings.budget };
    if (text.trim() === "") delete budget[key];
    else budget[key] = Number(text);
    const next: WorkflowSettings = { ...settings, budget };
    if (Object.keys(budget).length === 0) delete next.budget;
    onChange(next);
  };
  return (
    <div className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      {FIELDS.map(({ key, label, hint }) => (
        <SettingNumber
          key={key}
          id={`settings-budget-${key}`}
          label={label}
          hint={hint}
          value={settings.budget?.[key]}
          errors={issues.get(`budget.${key}`)}
          onChange={(text) => set(key, text)}
          decimal
          placeholder="No limit"
        />
      ))}
    </div>
  );
}
