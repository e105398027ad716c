"use client";

import { Workflow } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { TemplateSummary } from "@/lib/workflows/contract";
import { TemplateButtons } from "./template-cards";
import { useCreateWorkflow } from "./use-create-workflow";

/** No workflow visible at all: designers are offered the templates, others told what will come. */
export function EmptyWorkflows({ templates, canCreate }: { templates: readonly TemplateSummary[]; canCreate: boolean }) {
  const { create, pending } = useCreateWorkflow();
  return (
    <EmptyState
      icon={Workflow}
      title="No workflows yet"
      action={canCreate ? <TemplateButtons templates={templates} onPick={(id) => create(id)} disabled={pending} /> : undefined}
    >
      {canCreate
        ? "Start from one of these templates, or choose New workflow for a blank canvas."
        : "Workflows shared with you will be listed here, with their owner, status, last edit and published version."}
    </EmptyState>
  );
}
