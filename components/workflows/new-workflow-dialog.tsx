"use client";

import { useState } from "react";
import { Loader2, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { TemplateSummary } from "@/lib/workflows/contract";
import { BLANK, TemplateRadioCards } from "./template-cards";
import { useCreateWorkflow } from "./use-create-workflow";

export function NewWorkflowDialog({ templates }: { templates: readonly TemplateSummary[] }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [template, setTemplate] = useState(BLANK);
  const [error, setError] = useState<string | undefined>();
  const { create, pending } = useCreateWorkflow();

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="New workflow"
      description="Start blank or from a template; you can change everything on the canvas."
      trigger={
        <Button data-testid="new-workflow">
          <Plus aria-hidden className="size-4" /> New workflow
        </Button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          create(template === BLANK ? null : template, name.trim() || undefined, setError);
        }}
      >
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={template === BLANK ? "Untitled workflow" : templates.find((t) => t.id === template)?.name}
          maxLength={200}
          autoComplete="off"
          errors={error ? [error] : undefined}
        />
        <TemplateRadioCards templates={templates} value={template} onChange={setTemplate} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>
            {pending && <Loader2 aria-hidden className="size-4 animate-spin" />} Create workflow
          </Button>
        </div>
      </form>
    </Modal>
  );
}
