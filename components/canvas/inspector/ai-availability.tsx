"use client";
// The "Available to AI assistants" switch under the workflow settings: whether /api/mcp offers
// the published version as a tool to assistants holding an API key of someone who may run it.
import Link from "next/link";
import type { AiAvailabilityState } from "../hooks/use-ai-availability";

export function AiAvailability({ state, published, readOnly }: { state: AiAvailabilityState; published: boolean; readOnly: boolean }) {
  const { available, save } = state;
  return (
    <section data-testid="ai-availability" aria-labelledby="ai-availability-title" className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 id="ai-availability-title" className="text-sm font-semibold">
        AI assistants
      </h3>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="available-to-ai"
          checked={available}
          disabled={readOnly || save.status === "saving"}
          aria-describedby="ai-availability-hint"
          onChange={(e) => state.set(e.target.checked)}
          className="size-4 accent-accent-600"
        />
        Available to AI assistants
      </label>
      <p id="ai-availability-hint" className="text-xs text-zinc-500">
        Assistants such as Claude or an IDE can list and run the published version through <code>/api/mcp</code>, with the API key of someone who may run
        it.{" "}
        <Link href="/settings/api-keys/docs#mcp" className="text-accent-700 hover:underline dark:text-accent-100">
          How to connect
        </Link>
        {available && !published && <span className="mt-1 block text-amber-700 dark:text-amber-400">Not published yet: assistants see it once it is.</span>}
      </p>
      <p role="status" className="text-xs text-zinc-500">
        {save.status === "saving" && "Saving…"}
        {save.status === "saved" && save.message}
        {save.status === "error" && <span className="text-red-600">Not saved: {save.message}</span>}
      </p>
    </section>
  );
}
