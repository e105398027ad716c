"use client";
// "Start a run" on a workflow's runs list: the shared run form (fields from the draft's start
// node, or the published version's), then the new run's page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { InputField } from "@/lib/runtime/run-input";
import { RunInputDialog } from "./run-input-dialog";

export function StartRunButton({ workflowId, publishedVersion, draftFields }: { workflowId: string; publishedVersion: number | null; draftFields: InputField[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="start-run" onClick={() => setOpen(true)}>
        <Play aria-hidden className="size-4" /> Start a run
      </Button>
      <RunInputDialog
        workflowId={workflowId}
        publishedVersion={publishedVersion}
        draftFields={draftFields}
        open={open}
        onOpenChange={setOpen}
        onStarted={(runId) => router.push(`/runs/${runId}`)}
      />
    </>
  );
}
