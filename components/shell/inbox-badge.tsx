"use client";

import { useInboxSummary } from "./use-inbox-summary";

/** How many tasks wait for me, beside "Inbox" in the navigation; refreshed without a reload. */
export function InboxBadge() {
  const { data } = useInboxSummary();
  const n = data?.waiting ?? 0;
  if (n === 0) return null;
  return (
    <span
      data-testid="inbox-badge"
      aria-label={`${n} tasks waiting`}
      className="ml-auto min-w-5 rounded-full bg-accent-600 px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums text-white"
    >
      {n > 999 ? "999+" : n}
    </span>
  );
}
