"use client";
// The node's pinned output (test runs reuse it instead of running the step; published runs never
// do), with Unpin; or, when the latest run has an output of this step, a way to pin that one.
import { Pin, PinOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { JsonViewer } from "@/components/ui/json-viewer";
import { formatMoment } from "@/lib/format/run-format";
import { useEditor } from "../store/context";
import { useIncomingSample } from "./use-incoming-sample";
import { usePinOutput } from "./use-step-tools";

export function PinnedOutput({ nodeId }: { nodeId: string }) {
  const pinned = useEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data.pinned);
  const sample = useIncomingSample(nodeId);
  const { pin, unpin } = usePinOutput(nodeId);
  const latest = sample.data?.own;

  if (pinned) {
    return (
      <div data-testid="pinned-output" className="min-w-0 space-y-2 rounded-md border border-amber-300 bg-amber-50/60 p-2 dark:border-amber-500/40 dark:bg-amber-500/10">
        <p className="flex items-center gap-1.5 text-xs text-amber-900 dark:text-amber-200">
          <Pin aria-hidden className="size-3.5 shrink-0" />
          <span>
            <strong>Pinned output.</strong> Test runs use it instead of running this step; published runs never do.
            {pinned.pinnedAt && <> Pinned {formatMoment(pinned.pinnedAt)}.</>}
          </span>
        </p>
        <JsonViewer value={pinned.output} label="Pinned output" openDepth={1} className="bg-white dark:bg-zinc-950" />
        <Button size="sm" variant="secondary" data-testid="pinned-output-unpin" onClick={unpin}>
          <PinOff aria-hidden className="size-4" /> Unpin
        </Button>
      </div>
    );
  }
  if (!latest || !sample.data) return null;
  return (
    <Button size="sm" variant="ghost" data-testid="pin-latest" onClick={() => pin(latest.output, latest.handle, sample.data!.runId)} title="Test runs then reuse this output instead of running the step">
      <Pin aria-hidden className="size-4" /> Pin the latest run&apos;s output
    </Button>
  );
}
