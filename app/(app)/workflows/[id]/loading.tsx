import "@/components/canvas/designer.css";

/** The designer's skeleton: toolbar, palette, canvas and inspector, at full size. */
export default function Loading() {
  return (
    <div data-designer-root aria-busy="true" aria-live="polite" className="flex flex-col bg-zinc-50 dark:bg-zinc-950">
      <span className="sr-only">Loading the workflow…</span>
      <div className="flex h-12 items-center gap-3 border-b border-zinc-200 bg-white px-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="h-5 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="ml-auto h-8 w-24 animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-8 w-24 animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800" />
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="w-60 space-y-2 border-r border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="h-9 animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800" />
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-8 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />
          ))}
        </div>
        <div className="flex-1 bg-[radial-gradient(circle,_#d4d4d8_1px,_transparent_1px)] [background-size:16px_16px] dark:bg-[radial-gradient(circle,_#3f3f46_1px,_transparent_1px)]" />
        <div className="w-[22rem] space-y-3 border-l border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="h-5 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="h-9 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />
          ))}
        </div>
      </div>
    </div>
  );
}
