/** The runs list's skeleton while the page reads the runs. */
export default function Loading() {
  const bar = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading runs…</span>
      <div className={`mb-3 h-4 w-36 ${bar}`} />
      <div className="mb-6 space-y-2">
        <div className={`h-7 w-72 ${bar}`} />
        <div className={`h-4 w-48 ${bar}`} />
      </div>
      <div className="mb-4 flex gap-2">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className={`h-8 w-20 ${bar}`} />
        ))}
      </div>
      <div className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 px-4 py-4">
            <div className="h-5 w-20 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
            <div className={`h-4 w-28 ${bar}`} />
            <div className={`h-4 w-16 ${bar}`} />
            <div className="h-4 flex-1 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
          </div>
        ))}
      </div>
    </div>
  );
}
