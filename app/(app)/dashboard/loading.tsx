const bar = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

/** The dashboard's skeleton while its figures are read. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading the dashboard…</span>
      <div className="mb-6 space-y-2">
        <div className={`h-7 w-40 ${bar}`} />
        <div className={`h-4 w-96 max-w-full ${bar}`} />
      </div>
      <div className={`mb-6 h-10 w-[28rem] max-w-full ${bar}`} />
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-24 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <div className={`h-3 w-20 ${bar}`} />
            <div className={`mt-3 h-6 w-16 ${bar}`} />
            <div className={`mt-2 h-3 w-24 ${bar}`} />
          </div>
        ))}
      </div>
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-72 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <div className={`h-4 w-40 ${bar}`} />
            <div className={`mt-4 h-52 w-full ${bar} opacity-60`} />
          </div>
        ))}
      </div>
    </div>
  );
}
