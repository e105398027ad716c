"use client";
// The workflows list's "Describe what should happen": drafts, then opens the draft as a new
// unpublished workflow laid out by the designer's auto-layout.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Sparkles } from "lucide-react";
import { toast } from "sonner";
import { openDraftAction } from "@/app/(app)/workflows/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { DraftView } from "@/lib/ai/draft/service";
import { DraftForm } from "./draft-form";
import { layOutDraft } from "./lay-out";

export function DraftDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [opening, startOpening] = useTransition();

  const onOpen = (draft: DraftView) =>
    startOpening(async () => {
      const result = await openDraftAction({ suggestionId: draft.suggestionId, positions: layOutDraft(draft) });
      if (!result.ok) return void toast.error(result.message);
      toast.success(result.message ?? "Opened.");
      router.push(`/workflows/${result.id}?draft=${draft.suggestionId}`);
    });

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Draft a workflow with AI"
      description="Say in a sentence what should happen. The draft opens on the canvas for you to review; nothing is published."
      trigger={
        <Button variant="secondary" data-testid="draft-workflow">
          <Sparkles aria-hidden className="size-4" /> Describe what should happen
        </Button>
      }
    >
      <DraftForm onOpen={onOpen} opening={opening} />
    </Modal>
  );
}
