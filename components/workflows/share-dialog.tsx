"use client";

import { useId, useState, useTransition } from "react";
import { Trash2, UserPlus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { shareAction } from "@/app/(app)/workflows/[id]/actions";
import type { SharingView } from "@/lib/workflows/contract";
import { cn } from "@/lib/utils";

type Place = "owners" | "editors" | "viewers";
const PLACES: { value: Place; label: string }[] = [
  { value: "owners", label: "Owner" },
  { value: "editors", label: "Editor" },
  { value: "viewers", label: "Viewer" },
];

interface Entry {
  /** What the server resolves: the email, or the id of a user without one. */
  ref: string;
  label: string;
  place: Place;
}

function entriesOf(sharing: SharingView): Entry[] {
  return PLACES.flatMap(({ value }) =>
    sharing[value].map((p) => ({ ref: p.email || p.id, label: p.email ? `${p.name} (${p.email})` : p.name, place: value })),
  );
}

/**
 * Who may open, edit and manage a workflow. Owners: everything; editors: edit and publish;
 * viewers: read. Used from the list's row menu; the editor page may open it too.
 */
export function ShareDialog({ workflowId, workflowName, initial, open, onOpenChange }: {
  workflowId: string;
  workflowName: string;
  initial: SharingView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(initial));
  const [isPublic, setIsPublic] = useState(initial.isPublic);
  const [email, setEmail] = useState("");
  const [place, setPlace] = useState<Place>("viewers");
  const [errors, setErrors] = useState<Partial<Record<Place | "form", string[]>>>({});
  const [pending, startTransition] = useTransition();
  const ids = { email: useId(), place: useId(), isPublic: useId() };

  function add() {
    const ref = email.trim().toLowerCase();
    if (!ref) return;
    setEntries((list) => [...list.filter((e) => e.ref.toLowerCase() !== ref), { ref, label: ref, place }]);
    setEmail("");
  }

  function save() {
    const by = (p: Place) => entries.filter((e) => e.place === p).map((e) => e.ref);
    startTransition(async () => {
      const res = await shareAction({ id: workflowId, owners: by("owners"), editors: by("editors"), viewers: by("viewers"), isPublic });
      if (res.ok) {
        toast.success(res.message ?? "Sharing saved.");
        onOpenChange(false);
      } else setErrors(res.errors ?? { form: [res.message] });
    });
  }

  const problems = Object.values(errors).flat().filter(Boolean) as string[];
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={`Share “${workflowName}”`} description="Owners can do everything; editors can edit and publish; viewers can only look.">
      <div className="space-y-4">
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); add(); }}>
          <div className="min-w-48 flex-1 space-y-1">
            <label htmlFor={ids.email} className="block text-sm font-medium">Email</label>
            <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.com" className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor={ids.place} className="block text-sm font-medium">Role</label>
            <select id={ids.place} value={place} onChange={(e) => setPlace(e.target.value as Place)} className={cn(inputClass, "w-auto")}>
              {PLACES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
            </select>
          </div>
          <Button type="submit" variant="secondary"><UserPlus aria-hidden className="size-4" /> Add</Button>
        </form>

        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="People with access">
          {entries.map((entry) => (
            <li key={entry.ref} className="flex items-center gap-2 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1 truncate">{entry.label}</span>
              <label className="sr-only" htmlFor={`${ids.place}-${entry.ref}`}>Role of {entry.label}</label>
              <select
                id={`${ids.place}-${entry.ref}`}
                value={entry.place}
                onChange={(e) => setEntries((list) => list.map((x) => (x.ref === entry.ref ? { ...x, place: e.target.value as Place } : x)))}
                className={cn(inputClass, "w-auto py-1")}
              >
                {PLACES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
              </select>
              <Button variant="ghost" size="sm" aria-label={`Remove ${entry.label}`} onClick={() => setEntries((list) => list.filter((x) => x.ref !== entry.ref))}>
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
          {entries.length === 0 && <li className="px-3 py-2 text-sm text-zinc-500">Nobody yet. Add at least one owner.</li>}
        </ul>

        <label htmlFor={ids.isPublic} className="flex items-center gap-2 text-sm">
          <input id={ids.isPublic} type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} className="accent-accent-600" />
          Everyone in the workspace can view it
        </label>

        {problems.length > 0 && (
          <ul role="alert" className="list-inside list-disc text-sm text-red-600 dark:text-red-400">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button onClick={save} disabled={pending}>Save sharing</Button>
        </div>
      </div>
    </Modal>
  );
}
