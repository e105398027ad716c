import { TriangleAlert } from "lucide-react";

/** What was wrong with the URL, above the default view it fell back to. */
export function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div role="status" data-testid="filter-notices" className="mb-4 flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <ul className="space-y-1">
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
