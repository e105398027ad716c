"use client";
// "Run from here" on a past run's step: a test run of the current draft that starts at this step
// with the data it had in this run; opens the new run.
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { PlayCircle } from "lucide-react";
import { toast } from "sonner";
import { runFromHereAction } from "@/app/(app)/runs/actions";
import { Button } from "@/components/ui/button";

export function RunFromHereButton({ workflowId, fromRunId, nodeId, name }: { workflowId: string; fromRunId: string; nodeId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function start() {
    startTransition(async () => {
      const res = await runFromHereAction({ workflowId, fromRunId, nodeId });
      if (!res.ok) {
        toast.error(res.message);
        return;
      }
      toast.success(res.message);
      router.push(`/runs/${res.runId}`);
    });
  }
  return (
    <Button
      size="sm"
      variant="secondary"
      data-testid="step-run-from-here"
      onClick={start}
      disabled={pending}
      title={`A test run of the current draft starting at ${name}, with the data it had in this run`}
    >
      <PlayCircle aria-hidden className="size-4" /> {pending ? "Starting…" : "Run from here"}
    </Button>
  );
}
