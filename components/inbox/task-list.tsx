"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { claimTaskAction, decideTaskAction } from "@/app/(app)/inbox/actions";
import type { InboxPage, InboxParams } from "@/lib/tasks/inbox-query";
import { SUMMARY_KEY } from "@/components/shell/use-inbox-summary";
import { KeyboardHelp } from "./keyboard-help";
import { ROW_HEIGHT, RowSkeleton, TaskRowView } from "./task-row";
import { PAGE_SIZE, useInboxPages } from "./use-inbox-list";
import { useNow } from "./use-now";

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function TaskList({ params, first, onTotal, empty }: { params: InboxParams; first: InboxPage; onTotal?: (page: InboxPage) => void; empty: React.ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const [range, setRange] = useState<[number, number]>([0, 20]);
  const { head, total, rowAt } = useInboxPages(params, first, range[0], range[1]);
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => onTotal?.(head), [head, onTotal]);

  // The virtualizer's functions change every render by design; React Compiler skips this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The pages to fetch follow the rendered range; state only changes when a page boundary is crossed.
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length === 0) return;
      const from = items[0].index;
      const to = items[items.length - 1].index;
      setRange((r) => (Math.floor(r[0] / PAGE_SIZE) === Math.floor(from / PAGE_SIZE) && Math.floor(r[1] / PAGE_SIZE) === Math.floor(to / PAGE_SIZE) ? r : [from, to]));
    },
  });
  const items = virtualizer.getVirtualItems();

  const current = rowAt(Math.min(selected, total - 1));
  const select = useCallback((index: number) => setSelected(index), []);

  const refresh = useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ["inbox"] }), queryClient.invalidateQueries({ queryKey: SUMMARY_KEY })]);
  }, [queryClient]);

  const move = useCallback(
    (delta: number) => {
      setSelected((i) => {
        const next = Math.max(0, Math.min(total - 1, i + delta));
        virtualizer.scrollToIndex(next, { align: "auto" });
        return next;
      });
    },
    [total, virtualizer],
  );

  useEffect(() => {
    const onKey = async (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target) || document.querySelector("[role=dialog]")) return;
      const key = event.key;
      if (key === "?") return setHelp(true);
      if (key === "/") {
        event.preventDefault();
        return document.querySelector<HTMLInputElement>("[data-testid=inbox-search]")?.focus();
      }
      if (key === "j" || key === "ArrowDown") return (event.preventDefault(), move(1));
      if (key === "k" || key === "ArrowUp") return (event.preventDefault(), move(-1));
      if (!current) return;
      if (key === "Enter") return router.push(`/inbox/${current.id}`);
      if (key === "r") return router.push(`/inbox/${current.id}?action=reject`);
      if (key === "c") {
        const res = await claimTaskAction(current.id);
        (res.ok ? toast.success : toast.error)(res.message);
        return refresh();
      }
      if (key === "a") {
        const res = await decideTaskAction(current.id, { decision: "approve", values: {} });
        if (!res.ok && res.code === "invalid") return router.push(`/inbox/${current.id}?action=approve`);
        (res.ok ? toast.success : toast.error)(res.message);
        return refresh();
      }
    };
    const handler = (e: KeyboardEvent) => void onKey(e);
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, [current, move, refresh, router]);

  if (total === 0) return <>{empty}</>;

  return (
    <>
      <div
        ref={scrollRef}
        data-testid="task-list"
        role="list"
        aria-label={`${total} tasks`}
        className="max-h-[calc(100vh-19rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div key={item.key} role="listitem" style={{ position: "absolute", top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}>
                {row ? <TaskRowView row={row} index={item.index} selected={item.index === selected} now={now} onSelect={select} /> : <RowSkeleton />}
              </div>
            );
          })}
        </div>
      </div>
      <p className="mt-2 text-xs text-zinc-500">
        {total.toLocaleString()} {total === 1 ? "task" : "tasks"} · press <kbd className="font-mono">?</kbd> for keyboard shortcuts
      </p>
      <KeyboardHelp open={help} onOpenChange={setHelp} />
    </>
  );
}
