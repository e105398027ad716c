"use client";

import { Inbox } from "lucide-react";
import { useCallback, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { InboxPage, InboxParams, InboxTab } from "@/lib/tasks/inbox-query";
import { InboxFilters } from "./inbox-filters";
import { InboxTabs } from "./inbox-tabs";
import { TaskList } from "./task-list";
import { useInboxUrl } from "./use-inbox-url";

const EMPTY: Record<InboxTab, string> = {
  mine: "Nothing is assigned to you. Claim a task from “Available to claim”, or wait for one to be delegated to you.",
  available: "No unclaimed tasks are offered to you or your roles right now. New ones appear here without a reload.",
  done: "Tasks you approve, reject or complete show here.",
  all: "No open tasks anywhere. Every human step is done.",
};

export function InboxView({ params, first, tabs }: { params: InboxParams; first: InboxPage; tabs: InboxTab[] }) {
  const { setParams, pending } = useInboxUrl();
  // The list refreshes itself; the tab counts follow its latest answer.
  const [latest, setLatest] = useState(first);
  const onTotal = useCallback((page: InboxPage) => setLatest(page), []);
  const filtered = Boolean(params.q || params.priority || params.workflow || params.due);
  return (
    <div aria-busy={pending}>
      <InboxTabs tabs={tabs} current={params.tab} counts={latest.counts} onSelect={(tab) => setParams({ tab: tab === "mine" ? null : tab })} />
      <InboxFilters params={params} workflows={first.workflows} onChange={setParams} />
      {/* Mounted when empty too: it keeps polling, so the first task appears without a reload. */}
      <TaskList
        key={JSON.stringify(params)}
        params={params}
        first={first}
        onTotal={onTotal}
        empty={
          <EmptyState icon={Inbox} title={filtered ? "No tasks match these filters" : "Nothing here"}>
            {filtered ? "Clear the search or a filter to see more." : EMPTY[params.tab]}
          </EmptyState>
        }
      />
    </div>
  );
}
