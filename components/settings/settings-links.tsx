// The links of the settings pages: one row of the Settings list, and the way back to it.
import Link from "next/link";
import { ChevronLeft, ChevronRight, type LucideIcon } from "lucide-react";

export function SettingsLink({ href, icon: Icon, title, children }: { href: string; icon: LucideIcon; title: string; children: React.ReactNode }) {
  return (
    <li>
      <Link href={href} className="flex items-center gap-4 p-4 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
        <Icon aria-hidden className="size-5 text-accent-600" />
        <span className="flex-1">
          <span className="block text-sm font-medium">{title}</span>
          <span className="block text-sm text-zinc-500">{children}</span>
        </span>
        <ChevronRight aria-hidden className="size-4 text-zinc-400" />
      </Link>
    </li>
  );
}

export function BackToSettings() {
  return (
    <Link href="/settings" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">
      <ChevronLeft aria-hidden className="size-4" /> Settings
    </Link>
  );
}
