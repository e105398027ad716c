"use client";
// The credential field of HTTP and AI steps: the credentials of the right kind the designer may
// use, by name and kind (never a secret), and "New credential…" to create one in place, which
// is then picked. A step naming a credential the designer may not use says so instead of
// showing a bare id.
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CredentialDialog } from "@/components/settings/credential-dialog";
import { credentialChoicesAction } from "@/app/(app)/settings/credentials/actions";
import { CREDENTIAL_KINDS, credentialTypesFor } from "@/lib/credentials/kinds";
import { controlClass } from "./field-parts";

export const credentialChoicesKey = (nodeType: string) => ["credential-choices", nodeType] as const;

export function CredentialPicker({
  id,
  nodeType,
  value,
  readOnly,
  describedBy,
  onChange,
}: {
  id: string;
  nodeType: string;
  value: unknown;
  readOnly: boolean;
  describedBy: string;
  onChange: (value: string | undefined) => void;
}) {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: credentialChoicesKey(nodeType), queryFn: () => credentialChoicesAction(nodeType), staleTime: 30_000 });
  const current = typeof value === "string" ? value : "";
  const choices = query.data?.choices ?? [];
  const known = current === "" || choices.some((c) => c.id === current);
  return (
    <div className="space-y-1.5">
      <select
        id={id}
        data-testid="credential-picker"
        aria-describedby={describedBy}
        value={current}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        className={controlClass}
      >
        <option value="">None</option>
        {!known && <option value={current}>{query.isPending ? "Loading…" : readOnly ? "A stored credential" : "A credential not shared with you"}</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} · {CREDENTIAL_KINDS[c.type].label} ({c.owner})
          </option>
        ))}
      </select>
      {!known && !query.isPending && !readOnly && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          This step names a credential you may not use: runs you start will fail at this step. Pick another, or ask its owner to share it.
        </p>
      )}
      {query.isError && <p className="text-xs text-red-600">The credentials could not be loaded.</p>}
      {!readOnly && query.data?.canCreate && (
        <>
          <Button variant="ghost" size="sm" data-testid="credential-create" onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-3.5" /> New credential…
          </Button>
          <CredentialDialog
            open={creating}
            onOpenChange={setCreating}
            hideTrigger
            types={credentialTypesFor(nodeType)}
            onSaved={(newId) => {
              void queryClient.invalidateQueries({ queryKey: ["credential-choices"] });
              onChange(newId);
            }}
          />
        </>
      )}
    </div>
  );
}
