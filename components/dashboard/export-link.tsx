import { Download } from "lucide-react";
import { filterQuery, type Filters } from "@/lib/dashboard/params";

/** A CSV download of one of the tables, with the view's filters. */
export function ExportLink({ table, filters, label }: { table: "workflows" | "steps" | "runs"; filters: Filters; label: string }) {
  return (
    <a
      href={`/api/dashboard/export?table=${table}&${filterQuery(filters)}`}
      download
      data-testid={`export-${table}`}
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
    >
      <Download aria-hidden className="size-3.5" />
      {label}
    </a>
  );
}
