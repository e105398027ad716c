"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { InboxPage, InboxParams } from "@/lib/tasks/inbox-query";

/** The list polls this often so new and finished tasks show without a reload. */
export const LIST_POLL_MS = 10_000;
const PAGE = 100;

function query(params: InboxParams, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, String(v));
  q.set("offset", String(offset));
  q.set("limit", String(PAGE));
  return q.toString();
}

/** Pages of the list: the first comes with the page; more load as the list scrolls. */
export function useInboxList(params: InboxParams, first: InboxPage) {
  return useInfiniteQuery({
    queryKey: ["inbox", params],
    initialPageParam: 0,
    initialData: { pages: [first], pageParams: [0] },
    refetchInterval: LIST_POLL_MS,
    queryFn: async ({ pageParam }): Promise<InboxPage> => {
      const res = await fetch(`/api/inbox?${query(params, pageParam)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`inbox ${res.status}`);
      return (await res.json()) as InboxPage;
    },
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
  });
}
