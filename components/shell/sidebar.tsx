"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Inbox, LayoutDashboard, Settings, Workflow, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { NavIcon, NavItem } from "@/components/shell/nav-items";
import { InboxBadge } from "@/components/shell/inbox-badge";

const ICONS: Record<NavIcon, LucideIcon> = {
  workflows: Workflow,
  inbox: Inbox,
  dashboard: LayoutDashboard,
  settings: Settings,
};

export function Sidebar({ items, label = "Main" }: { items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-col gap-1 p-3">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
              active
                ? "bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-100"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            <Icon aria-hidden className="size-4" />
            {item.label}
            {item.icon === "inbox" && <InboxBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
