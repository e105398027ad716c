const bar = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

/** The runs explorer's skeleton while the page of runs is read. */
export function RunsSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading runs…</span>
      <div className={`mb-6 h-10 w-[32rem] max-w-full ${bar}`} />
      <div className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 px-4 py-3.5">
            <div className={`h-4 w-28 ${bar}`} />
            <div className={`h-4 w-40 ${bar}`} />
            <div className={`h-5 w-20 rounded-full ${bar}`} />
            <div className={`h-4 flex-1 ${bar} opacity-60`} />
          </div>
        ))}
      </div>
    </div>
  );
}
