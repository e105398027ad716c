"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { createFromTemplateAction, createWorkflowAction } from "@/app/(app)/workflows/actions";

/** Creates a blank or template workflow and opens it on the canvas. */
export function useCreateWorkflow() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function create(templateId: string | null, name?: string, onError?: (message: string) => void) {
    startTransition(async () => {
      const res = templateId ? await createFromTemplateAction(templateId, name) : await createWorkflowAction({ name: name ?? "Untitled workflow" });
      if (res.ok) {
        toast.success(res.message ?? "Created.");
        router.push(`/workflows/${res.id}`);
      } else if (onError) onError(res.message);
      else toast.error(res.message);
    });
  }

  return { create, pending };
}
