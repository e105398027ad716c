"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Archive, ArchiveRestore, Copy, Download, ExternalLink, History, MoreHorizontal, Share2, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import {
  archiveWorkflowAction,
  deleteWorkflowAction,
  duplicateWorkflowAction,
  exportWorkflowAction,
} from "@/app/(app)/workflows/actions";
import { getSharingAction } from "@/app/(app)/workflows/[id]/actions";
import type { SharingView, WorkflowSummary } from "@/lib/workflows/contract";
import { downloadText } from "./download";
import { ShareDialog } from "./share-dialog";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100 data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 dark:data-[highlighted]:bg-zinc-800";

/** The per-row menu. Viewers get only what reads: open, export, and duplicate when they may create. */
export function RowMenu({ workflow, canCreate }: { workflow: WorkflowSummary; canCreate: boolean }) {
  const [pending, startTransition] = useTransition();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [sharing, setSharing] = useState<SharingView | null>(null);
  const isOwner = workflow.access === "owner";
  const archived = workflow.status === "archived";

  function run(action: () => Promise<{ ok: boolean; message?: string }>, after?: () => void) {
    startTransition(async () => {
      const res = await action();
      if (res.ok) {
        if (res.message) toast.success(res.message);
        after?.();
      } else toast.error(res.message ?? "That did not work.");
    });
  }

  function exportFile() {
    startTransition(async () => {
      const res = await exportWorkflowAction(workflow.id);
      if (res.ok) downloadText(res.fileName, res.json);
      else toast.error(res.message);
    });
  }

  function openSharing() {
    startTransition(async () => {
      const res = await getSharingAction(workflow.id);
      if (res.ok) setSharing(res.sharing);
      else toast.error(res.message);
    });
  }

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Actions for ${workflow.name}`} disabled={pending} data-testid="workflow-row-menu">
            <MoreHorizontal aria-hidden className="size-4" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href={`/workflows/${workflow.id}`}>
                <ExternalLink aria-hidden className="size-4" /> Open
              </Link>
            </DropdownMenu.Item>
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href={`/workflows/${workflow.id}/runs`}>
                <History aria-hidden className="size-4" /> Runs
              </Link>
            </DropdownMenu.Item>
            {canCreate && (
              <DropdownMenu.Item className={itemClass} onSelect={() => run(() => duplicateWorkflowAction(workflow.id))}>
                <Copy aria-hidden className="size-4" /> Duplicate
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className={itemClass} onSelect={exportFile}>
              <Download aria-hidden className="size-4" /> Export as JSON
            </DropdownMenu.Item>
            {isOwner && (
              <>
                <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
                <DropdownMenu.Item className={itemClass} onSelect={openSharing}>
                  <Share2 aria-hidden className="size-4" /> Share…
                </DropdownMenu.Item>
                <DropdownMenu.Item className={itemClass} onSelect={() => run(() => archiveWorkflowAction(workflow.id, !archived))}>
                  {archived ? <ArchiveRestore aria-hidden className="size-4" /> : <Archive aria-hidden className="size-4" />}
                  {archived ? "Unarchive" : "Archive"}
                </DropdownMenu.Item>
                <DropdownMenu.Item className={`${itemClass} text-red-600 dark:text-red-400`} onSelect={() => setConfirmDelete(true)}>
                  <Trash2 aria-hidden className="size-4" /> Delete…
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <Modal
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete “${workflow.name}”?`}
        description={
          workflow.publishedVersion
            ? `This deletes the workflow and its ${workflow.publishedVersion} published version(s). It cannot be undone; archiving keeps it instead.`
            : "This deletes the workflow. It cannot be undone; archiving keeps it instead."
        }
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmDelete(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => run(() => deleteWorkflowAction(workflow.id), () => setConfirmDelete(false))}
          >
            Delete workflow
          </Button>
        </div>
      </Modal>
      {sharing && (
        <ShareDialog
          workflowId={workflow.id}
          workflowName={workflow.name}
          initial={sharing}
          open
          onOpenChange={(open) => !open && setSharing(null)}
        />
      )}
    </>
  );
}
