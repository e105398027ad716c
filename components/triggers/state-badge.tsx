import { cn } from "@/lib/utils";

export function StateBadge({ active }: { active: boolean }) {
  return (
    <span
      data-testid="trigger-state"
      className={cn(
        "mr-1 rounded-full px-2 py-0.5 text-xs font-medium",
        active ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
      )}
    >
      {active ? "Active" : "Inactive"}
    </span>
  );
}
