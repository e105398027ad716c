"use client";

// Cancel, re-run with the same input, retry from the failed step; retry and re-run say which
// version each uses (run-labels.ts). Each calls its server action and says what happened in a
// toast; re-run opens the new run.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { RotateCcw, Play, Square } from "lucide-react";
import { toast } from "sonner";
import { cancelRunAction, rerunAction, retryRunAction } from "@/app/(app)/runs/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { runAgainLabels } from "./run-labels";

export function RunActions({
  runId,
  canCancel,
  canRerun,
  canRetry,
  version,
  publishedNow,
}: {
  runId: string;
  canCancel: boolean;
  canRerun: boolean;
  canRetry: boolean;
  /** The run's version; null for a test run of the draft. */
  version: number | null;
  /** The workflow's version published now, which a re-run of a published run uses. */
  publishedNow: number | null;
}) {
  const labels = runAgainLabels(version, publishedNow);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirmCancel, setConfirmCancel] = useState(false);

  function cancel() {
    setConfirmCancel(false);
    startTransition(async () => {
      const res = await cancelRunAction(runId);
      if (res.ok) toast.success(res.message);
      else toast.error(res.message);
      router.refresh();
    });
  }

  function rerun() {
    startTransition(async () => {
      const res = await rerunAction(runId);
      if (!res.ok) {
        toast.error(res.message, { description: res.errors ? Object.values(res.errors).flat().join(" ") : undefined });
        return;
      }
      toast.success(res.message);
      router.push(`/runs/${res.runId}`);
    });
  }

  function retry() {
    startTransition(async () => {
      const res = await retryRunAction(runId);
      if (res.ok) toast.success(res.message);
      else toast.error(res.message);
      router.refresh();
    });
  }

  if (!canCancel && !canRerun && !canRetry) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRetry && (
        <Button onClick={retry} disabled={pending} data-testid="retry-run" title={labels.retry.detail}>
          <RotateCcw aria-hidden className="size-4" /> {labels.retry.label}
        </Button>
      )}
      {canRerun && (
        <Button variant="secondary" onClick={rerun} disabled={pending} data-testid="rerun-run" title={labels.rerun.detail}>
          <Play aria-hidden className="size-4" /> {labels.rerun.label}
        </Button>
      )}
      {canCancel && (
        <Button variant="danger" onClick={() => setConfirmCancel(true)} disabled={pending} data-testid="cancel-run">
          <Square aria-hidden className="size-4" /> Cancel run
        </Button>
      )}
      <Modal open={confirmCancel} onOpenChange={setConfirmCancel} title="Cancel this run?" description="Steps in progress are stopped and open human tasks are withdrawn. This cannot be undone.">
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
            Keep running
          </Button>
          <Button variant="danger" onClick={cancel} data-testid="confirm-cancel-run">
            Cancel run
          </Button>
        </div>
      </Modal>
    </div>
  );
}
