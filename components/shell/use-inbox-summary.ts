"use client";

import { useQuery } from "@tanstack/react-query";
import type { InboxSummary } from "@/lib/tasks/queries";

export const SUMMARY_KEY = ["inbox-summary"] as const;
/** The badge and the bell refresh this often (the issue allows at most 10 s). */
export const SUMMARY_POLL_MS = 10_000;

export function useInboxSummary(enabled = true) {
  return useQuery({
    queryKey: SUMMARY_KEY,
    enabled,
    refetchInterval: SUMMARY_POLL_MS,
    refetchIntervalInBackground: false,
    queryFn: async (): Promise<InboxSummary> => {
      const res = await fetch("/api/inbox/summary", { cache: "no-store" });
      if (!res.ok) throw new Error(`summary ${res.status}`);
      return (await res.json()) as InboxSummary;
    },
  });
}
