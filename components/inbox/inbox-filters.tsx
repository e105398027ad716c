"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/utils";
import type { InboxParams } from "@/lib/tasks/inbox-query";

const selectClass = cn(inputClass, "w-auto py-1.5 pr-8");

function Select({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][]; testId: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <select aria-label={label} data-testid={testId} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function InboxFilters({ params, workflows, onChange }: { params: InboxParams; workflows: { id: string; name: string }[]; onChange: (changes: Record<string, string | null>) => void }) {
  const [q, setQ] = useState(params.q ?? "");
  // Typing waits a moment before it becomes the URL, so every key is not a navigation.
  useEffect(() => {
    if (q === (params.q ?? "")) return;
    const t = setTimeout(() => onChange({ q: q.trim() || null }), 300);
    return () => clearTimeout(t);
  }, [q, params.q, onChange]);
  return (
    <div className="flex flex-wrap items-center gap-3 py-3">
      <div className="relative min-w-56 flex-1">
        <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-400" />
        <input
          type="search"
          aria-label="Search task titles"
          placeholder="Search titles"
          data-testid="inbox-search"
          className={cn(inputClass, "pl-8")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <Select label="Priority" testId="filter-priority" value={params.priority ?? "any"} onChange={(v) => onChange({ priority: v })} options={[["any", "Any"], ["urgent", "Urgent"], ["high", "High"], ["medium", "Medium"], ["low", "Low"]]} />
      <Select label="Workflow" testId="filter-workflow" value={params.workflow ?? "any"} onChange={(v) => onChange({ workflow: v })} options={[["any", "Any"], ...workflows.map((w) => [w.id, w.name] as [string, string])]} />
      <Select label="Due" testId="filter-due" value={params.due ?? "any"} onChange={(v) => onChange({ due: v })} options={[["any", "Any time"], ["overdue", "Overdue"], ["today", "Within a day"], ["week", "Within a week"], ["later", "Later"], ["none", "No due date"]]} />
      <Select label="Sort" testId="sort" value={params.sort} onChange={(v) => onChange({ sort: v === "due" ? null : v })} options={[["due", "Due date"], ["priority", "Priority"], ["age", "Oldest first"]]} />
    </div>
  );
}
