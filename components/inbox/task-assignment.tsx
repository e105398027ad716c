"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { claimTaskAction, delegateTaskAction, releaseTaskAction, type InboxActionResult } from "@/app/(app)/inbox/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { SUMMARY_KEY } from "@/components/shell/use-inbox-summary";
import type { TaskView } from "@/lib/tasks/queries";
import { formatMoment } from "@/lib/format/run-format";

type Person = { id: string; name: string; email: string };

function DelegateDialog({ taskId, people, open, onOpenChange, onDone }: { taskId: string; people: Person[]; open: boolean; onOpenChange: (o: boolean) => void; onDone: (r: InboxActionResult) => void }) {
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await delegateTaskAction(taskId, { to, reason });
    setBusy(false);
    if (res.ok) return onDone(res);
    setErrors(res.errors ?? {});
    setMessage(res.errors ? null : res.message);
  };
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Delegate this task" description="The person you choose gets it in “Assigned to me” and a notification.">
      <form onSubmit={(e) => void send(e)} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor="delegate-to" className="block text-sm font-medium">
            Delegate to
          </label>
          <select id="delegate-to" className={inputClass} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={Boolean(errors.to)} aria-describedby={errors.to ? "delegate-to-error" : undefined}>
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
          {errors.to && <p id="delegate-to-error" role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.to.join(" ")}</p>}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="delegate-reason" className="block text-sm font-medium">
            Reason
          </label>
          <textarea id="delegate-reason" rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={Boolean(errors.reason)} aria-describedby={errors.reason ? "delegate-reason-error" : undefined} />
          {errors.reason && <p id="delegate-reason-error" role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.reason.join(" ")}</p>}
        </div>
        {message && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? "Delegating…" : "Delegate"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Who holds the task, and claim / release / delegate. */
export function TaskAssignment({ view, people }: { view: TaskView; people: Person[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [delegating, setDelegating] = useState(false);
  const [busy, setBusy] = useState(false);
  const after = async (res: InboxActionResult) => {
    (res.ok ? toast.success : toast.error)(res.message);
    await queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
    router.refresh();
  };
  const run = async (action: (id: string) => Promise<InboxActionResult>) => {
    setBusy(true);
    await after(await action(view.id));
    setBusy(false);
  };
  const offered = [...view.candidateRoles.map((r) => `${r}s`), ...view.candidateUsers.map((u) => view.people[u.toLowerCase()] ?? u)].join(", ");
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="task-holder">
        {view.assignee ? (
          <>
            Held by <span className="font-medium">{view.assignee.name}</span>
            {view.claimedAt && <span className="text-zinc-500"> since {formatMoment(view.claimedAt)}</span>}
          </>
        ) : (
          <>Not claimed yet{offered && <span className="text-zinc-500"> · offered to {offered}</span>}</>
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {view.may.claim && (
          <Button size="sm" disabled={busy} onClick={() => void run(claimTaskAction)}>
            Claim
          </Button>
        )}
        {view.may.release && (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(releaseTaskAction)}>
            Release
          </Button>
        )}
        {view.may.delegate && (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => setDelegating(true)}>
            Delegate…
          </Button>
        )}
      </div>
      {view.may.delegate && (
        <DelegateDialog
          taskId={view.id}
          people={people}
          open={delegating}
          onOpenChange={setDelegating}
          onDone={(res) => {
            setDelegating(false);
            void after(res);
          }}
        />
      )}
    </div>
  );
}
