"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { markNotificationsReadAction } from "@/app/(app)/inbox/actions";
import { cn } from "@/lib/utils";
import { SUMMARY_KEY, useInboxSummary } from "./use-inbox-summary";
import { formatMoment } from "@/lib/format/run-format";

function ago(iso: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return formatMoment(iso);
}

/** The header's bell: unread count, the latest notifications with links, mark as read. */
export function NotificationBell() {
  const { data } = useInboxSummary();
  const queryClient = useQueryClient();
  const unread = data?.unread ?? 0;
  const markRead = async (ids: string[] | "all") => {
    await markNotificationsReadAction(ids);
    await queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
  };
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="relative rounded-md p-2 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
      >
        <Bell aria-hidden className="size-5 text-zinc-600 dark:text-zinc-300" />
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-80 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-center justify-between px-3 py-2">
            <p className="text-sm font-semibold">Notifications</p>
            {unread > 0 && (
              <button type="button" className="text-xs font-medium text-accent-700 hover:underline dark:text-accent-100" onClick={() => void markRead("all")}>
                Mark all read
              </button>
            )}
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          {(data?.notifications ?? []).length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-zinc-500">No notifications yet.</p>
          ) : (
            <div className="max-h-96 overflow-y-auto">
              {data!.notifications.map((n) => (
                <DropdownMenu.Item key={n.id} asChild onSelect={() => !n.read && void markRead([n.id])}>
                  <Link
                    href={n.link ?? "/inbox"}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800",
                      !n.read && "bg-accent-50/60 dark:bg-accent-500/10",
                    )}
                  >
                    <span className="flex items-start gap-2">
                      {!n.read && <span aria-label="unread" className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-600" />}
                      <span className="min-w-0">
                        <span className="block truncate font-medium">{n.title}</span>
                        <span className="block text-xs text-zinc-500">{ago(n.at)}</span>
                      </span>
                    </span>
                  </Link>
                </DropdownMenu.Item>
              ))}
            </div>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
