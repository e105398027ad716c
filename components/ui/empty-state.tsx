import type { LucideIcon } from "lucide-react";

export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-16 text-center dark:border-zinc-700 dark:bg-zinc-900/50">
      <div className="mb-4 rounded-full bg-accent-50 p-3 text-accent-600 dark:bg-accent-500/10 dark:text-accent-500">
        <Icon aria-hidden className="size-6" />
      </div>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
