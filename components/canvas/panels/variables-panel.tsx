"use client";
// The workflow's own variables, under its settings in the inspector: editors add, change and
// delete them; viewers see names and non-secret values. Global variables are listed by name.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { variableNamesAction, workflowVariablesAction } from "@/app/(app)/settings/variables/actions";
import { VariablesList } from "@/components/variables/variables-list";
import { useEditorContext, useReadOnly } from "../store/context";

export const workflowVariablesKey = (workflowId: string) => ["workflow-variables", workflowId] as const;
export const variableNamesKey = (workflowId: string) => ["variable-names", workflowId] as const;

export function VariablesPanel() {
  const { workflowId } = useEditorContext();
  const readOnly = useReadOnly();
  const queryClient = useQueryClient();
  const own = useQuery({ queryKey: workflowVariablesKey(workflowId), queryFn: () => workflowVariablesAction(workflowId) });
  const names = useQuery({ queryKey: variableNamesKey(workflowId), queryFn: () => variableNamesAction(workflowId), staleTime: 30_000 });
  const globals = (names.data ?? []).filter((v) => v.scope === "global");
  return (
    <section aria-labelledby="workflow-variables-title" className="mt-6 space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h2 id="workflow-variables-title" className="text-sm font-semibold">
        Variables
      </h2>
      <p className="text-xs text-zinc-500">
        Every expression reads them as <code>$vars.name</code>. A workflow variable hides a global one of the same name; set steps write over both during a run.
      </p>
      {own.isError ? (
        <p className="text-xs text-red-600">The variables could not be loaded.</p>
      ) : (
        <VariablesList
          compact
          workflowId={workflowId}
          rows={own.data ?? []}
          canEdit={!readOnly}
          onChanged={() => {
            void queryClient.invalidateQueries({ queryKey: workflowVariablesKey(workflowId) });
            void queryClient.invalidateQueries({ queryKey: variableNamesKey(workflowId) });
          }}
        />
      )}
      {globals.length > 0 && (
        <p className="text-xs text-zinc-500">
          Global: {globals.map((v) => `$vars.${v.name}`).join(", ")}
        </p>
      )}
    </section>
  );
}
