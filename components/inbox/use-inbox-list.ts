"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import type { InboxPage, InboxParams } from "@/lib/tasks/inbox-query";
import type { TaskRow } from "@/lib/tasks/rows";

/** The list polls this often so new and finished tasks show without a reload. */
export const LIST_POLL_MS = 10_000;
export const PAGE_SIZE = 100;

function query(params: InboxParams, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, String(v));
  q.set("offset", String(offset));
  q.set("limit", String(PAGE_SIZE));
  return q.toString();
}

async function fetchPage(params: InboxParams, page: number): Promise<InboxPage> {
  const res = await fetch(`/api/inbox?${query(params, page * PAGE_SIZE)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`inbox ${res.status}`);
  return (await res.json()) as InboxPage;
}

/**
 * The pages of the list that are on screen, fetched by offset: a jump deep into 10,000 tasks
 * loads the page there at once, and only the pages in view (and the first, for the counts) poll.
 */
export function useInboxPages(params: InboxParams, first: InboxPage, fromIndex: number, toIndex: number) {
  const wanted = useMemo(() => {
    const pages = new Set([0]);
    for (let p = Math.floor(fromIndex / PAGE_SIZE); p <= Math.floor(toIndex / PAGE_SIZE); p++) pages.add(p);
    return [...pages];
  }, [fromIndex, toIndex]);
  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: ["inbox", params, page],
      queryFn: () => fetchPage(params, page),
      refetchInterval: LIST_POLL_MS,
      ...(page === 0 ? { initialData: first } : {}),
    })),
  });
  const pages = new Map<number, InboxPage>();
  results.forEach((r, i) => r.data && pages.set(wanted[i], r.data));
  const head = pages.get(0) ?? first;
  const rowAt = (index: number): TaskRow | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  return { head, total: head.total, rowAt };
}
