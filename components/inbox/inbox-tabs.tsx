"use client";

import { cn } from "@/lib/utils";
import { TAB_LABELS, type InboxTab } from "@/lib/tasks/inbox-query";

export function InboxTabs({ tabs, current, counts, onSelect }: { tabs: InboxTab[]; current: InboxTab; counts: Record<InboxTab, number>; onSelect: (tab: InboxTab) => void }) {
  return (
    <div role="tablist" aria-label="Inbox views" className="flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => {
        const active = tab === current;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={active}
            data-testid={`tab-${tab}`}
            onClick={() => onSelect(tab)}
            className={cn(
              "-mb-px flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors",
              active ? "border-accent-600 text-accent-700 dark:text-accent-100" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {TAB_LABELS[tab]}
            <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-accent-100 text-accent-700 dark:bg-accent-500/20 dark:text-accent-100" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400")}>
              {counts[tab].toLocaleString()}
            </span>
          </button>
        );
      })}
    </div>
  );
}
