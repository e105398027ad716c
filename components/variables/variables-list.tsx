"use client";
// A list of variables with add, edit and delete, for Settings → Variables (global) and the
// canvas's variables panel (one workflow). `onChanged` refreshes whatever holds the rows.
import { useState } from "react";
import { Lock, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { DeleteInUseDialog } from "@/components/settings/delete-in-use-dialog";
import { deleteVariableAction } from "@/app/(app)/settings/variables/actions";
import { VARIABLE_TYPE_LABELS, type VariableRow } from "@/lib/variables/kinds";
import { VariableForm } from "./variable-form";

export function VariablesList({
  workflowId,
  rows,
  canEdit,
  onChanged,
  compact,
}: {
  workflowId: string | null;
  rows: VariableRow[];
  canEdit: boolean;
  onChanged: () => void;
  /** The canvas panel: one column. */
  compact?: boolean;
}) {
  const [editing, setEditing] = useState<VariableRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<VariableRow | null>(null);
  return (
    <div className="space-y-3" data-testid={workflowId ? "workflow-variables" : "global-variables"}>
      {rows.length === 0 && <p className="text-sm text-zinc-500">No variables yet.</p>}
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {rows.map((v) => (
          <li key={v.id} data-testid={`variable-${v.name}`} className={compact ? "space-y-1 p-2" : "flex items-center gap-4 p-3"}>
            <div className="min-w-0 flex-1">
              <code className="font-mono text-sm font-medium">$vars.{v.name}</code>{" "}
              <Badge tone="accent">{VARIABLE_TYPE_LABELS[v.type]}</Badge>{" "}
              {v.secret && (
                <Badge tone="neutral">
                  <Lock aria-hidden className="mr-1 size-3" /> Secret
                </Badge>
              )}
              <div className="truncate font-mono text-xs text-zinc-500">{v.secret ? "•••••••• (stored, encrypted)" : v.value}</div>
              {v.description && <div className="text-xs text-zinc-500">{v.description}</div>}
            </div>
            {canEdit && (
              <div className="flex shrink-0 gap-1">
                <Button size="sm" variant="secondary" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setDeleting(v)} aria-label={`Delete ${v.name}`}>
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <Button size="sm" variant="secondary" data-testid="variable-add" onClick={() => setEditing("new")}>
          <Plus aria-hidden className="size-3.5" /> Add variable
        </Button>
      )}
      <Modal
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing === "new" ? (workflowId ? "Add a workflow variable" : "Add a global variable") : `Edit ${editing?.name ?? ""}`}
        description="Runs read the values they start with: a change affects new runs only."
      >
        {editing !== null && (
          <VariableForm
            workflowId={workflowId}
            variable={editing === "new" ? undefined : editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) onChanged();
            }}
          />
        )}
      </Modal>
      {deleting && (
        <DeleteInUseDialog
          open
          onOpenChange={(open) => !open && setDeleting(null)}
          title={`Delete ${deleting.name}?`}
          description="Expressions that read it get nothing for it in new runs. This cannot be undone."
          onDelete={async (confirmed) => {
            const res = await deleteVariableAction(deleting.id, confirmed);
            if (res.ok) onChanged();
            return res;
          }}
        />
      )}
    </div>
  );
}
