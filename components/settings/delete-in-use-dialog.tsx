"use client";
// Deleting something workflows may use (a credential, a variable): the first try asks the
// server, which refuses while workflows use it and names them; the dialog then lists them,
// linked, and offers "Delete anyway".
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

export interface DeleteAnswer {
  ok: boolean;
  message?: string;
  inUse?: { id: string; name: string }[];
}

export function DeleteInUseDialog({
  open,
  onOpenChange,
  title,
  description,
  onDelete,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  onDelete: (confirmed: boolean) => Promise<DeleteAnswer>;
}) {
  const [inUse, setInUse] = useState<DeleteAnswer | null>(null);
  const [pending, startTransition] = useTransition();
  const close = (next: boolean) => {
    if (!next) setInUse(null);
    onOpenChange(next);
  };
  const remove = () =>
    startTransition(async () => {
      const res = await onDelete(inUse !== null);
      if (res.ok) {
        toast.success(res.message);
        close(false);
      } else if (res.inUse?.length) setInUse(res);
      else {
        toast.error(res.message ?? "Could not delete it.");
        close(false);
      }
    });
  return (
    <Modal open={open} onOpenChange={close} title={title} description={inUse ? undefined : description}>
      {inUse && (
        <div role="alert" data-testid="in-use-warning" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          <p>{inUse.message}</p>
          <ul className="mt-2 list-disc pl-5">
            {inUse.inUse!.map((w) => (
              <li key={w.id}>
                <Link href={`/workflows/${w.id}`} className="underline">
                  {w.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => close(false)}>
          Cancel
        </Button>
        <Button variant="danger" onClick={remove} disabled={pending}>
          {inUse ? "Delete anyway" : "Delete"}
        </Button>
      </div>
    </Modal>
  );
}
