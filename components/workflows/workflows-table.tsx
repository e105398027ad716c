import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { relativeTime } from "@/lib/format/relative-time";
import type { WorkflowSummary } from "@/lib/workflows/contract";
import { RowMenu } from "./row-menu";
import { StatusBadge } from "./status-badge";

/** The list itself; rendered on the server, with a client menu per row. On a phone it keeps the
 *  name, the status and the menu: the other columns would only scroll off to the side. */
export function WorkflowsTable({ workflows, canCreate, now }: { workflows: WorkflowSummary[]; canCreate: boolean; now: Date }) {
  return (
    // `relative`: the screen-reader-only "Actions" header is positioned absolutely; without a
    // positioned ancestor here it escaped this scroll box and made the whole page scroll sideways
    // on a phone. The table itself scrolls inside this box.
    <div className="relative overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Workflows</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium max-sm:hidden">Owner</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium max-sm:hidden">Tags</th>
            <th scope="col" className="px-4 py-3 font-medium max-sm:hidden">Last edit</th>
            <th scope="col" className="px-4 py-3 font-medium max-sm:hidden">Published</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {workflows.map((w) => (
            <tr key={w.id} data-testid={`workflow-row-${w.name}`} className={w.status === "archived" ? "text-zinc-500" : undefined}>
              <td className="max-w-xs px-4 py-3 max-sm:max-w-[12rem]">
                <Link href={`/workflows/${w.id}`} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline dark:text-zinc-100">
                  {w.name}
                </Link>
                {w.description && <p className="truncate text-xs text-zinc-500" title={w.description}>{w.description}</p>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 max-sm:hidden">{w.ownerName || <span className="text-zinc-400">—</span>}</td>
              <td className="px-4 py-3"><StatusBadge status={w.status} /></td>
              <td className="px-4 py-3 max-sm:hidden">
                <div className="flex flex-wrap gap-1">
                  {w.tags.map((t) => (
                    <Link key={t} href={`/workflows?tag=${encodeURIComponent(t)}`} aria-label={`Show workflows tagged ${t}`}>
                      <Badge>{t}</Badge>
                    </Link>
                  ))}
                </div>
              </td>
              <td className="whitespace-nowrap px-4 py-3 max-sm:hidden">
                <time dateTime={w.updatedAt} title={new Date(w.updatedAt).toUTCString()}>{relativeTime(w.updatedAt, now)}</time>
                {w.lastEditorName && <span className="block text-xs text-zinc-500">by {w.lastEditorName}</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 max-sm:hidden">
                {w.publishedVersion ? `v${w.publishedVersion}` : <span className="text-zinc-400">Not yet</span>}
              </td>
              <td className="px-4 py-3 text-right">
                <RowMenu workflow={w} canCreate={canCreate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
