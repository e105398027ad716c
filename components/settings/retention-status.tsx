// Below the retention form: what the clean-up did last, or that it has not run yet.
import { formatMoment } from "@/lib/format/run-format";
import type { RetentionStatus } from "@/lib/retention/settings";

export function RetentionStatusLine({ status }: { status: RetentionStatus }) {
  return (
    <p data-testid="retention-status" className="mt-4 text-sm text-zinc-500">
      {status.lastRunAt
        ? `Last clean-up: ${formatMoment(status.lastRunAt)}, ${status.lastPruned === 0 ? "nothing to remove" : `${status.lastPruned.toLocaleString("en-US")} ${status.lastPruned === 1 ? "run" : "runs"} cleaned`}. It runs about once an hour, a few runs at a time.`
        : "No clean-up has run yet. It runs about once an hour while the server or a worker is up, a few runs at a time."}
    </p>
  );
}
