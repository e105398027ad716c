/** The run page's skeleton while it reads the run and its events. */
export default function Loading() {
  const bar = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading the run…</span>
      <div className={`mb-4 h-4 w-44 ${bar}`} />
      <div className="mb-5 flex items-center gap-3">
        <div className={`h-8 w-64 ${bar}`} />
        <div className="h-6 w-20 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
      </div>
      <div className="mb-6 grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-900">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="space-y-2">
            <div className={`h-3 w-16 ${bar}`} />
            <div className={`h-4 w-24 ${bar}`} />
          </div>
        ))}
      </div>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <div className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
        <div className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      </div>
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <div className="h-72 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
        <div className="h-72 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      </div>
    </div>
  );
}
