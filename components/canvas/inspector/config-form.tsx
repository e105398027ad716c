"use client";
// The form for one node's config, drawn from its zod schema and validated against it on every
// change: messages appear beside the fields they concern, the rest at the top.
import { useCallback, useMemo } from "react";
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { NodeDefinition } from "@/lib/nodes/types";
import { toWorkflowGraph } from "../graph/convert";
import { useQuery } from "@tanstack/react-query";
import { variableNamesAction } from "@/app/(app)/settings/variables/actions";
import { offeredAiModelsAction } from "@/app/(app)/settings/ai-models/actions";
import { variableNamesKey } from "../panels/variables-panel";
import { useEditorApi, useEditorContext } from "../store/context";
import { issuesByPath, pathKey, setIn, type Path } from "./config-paths";
import { ConfigField, ObjectFields } from "./config-field";
import { describeSchema, type FieldSpec } from "./describe-schema";
import { ConfigFormContext, type ConfigFormContextValue } from "./form-context";
import { buildSuggestions } from "./suggestions";
import { JsonControl } from "./scalar-controls";
import { useRefreshSamplesAfterRuns } from "./use-incoming-sample";

const specs = new Map<string, FieldSpec>();

function specFor(definition: NodeDefinition): FieldSpec {
  let spec = specs.get(definition.type);
  if (!spec) {
    spec = describeSchema(definition.configSchema);
    specs.set(definition.type, spec);
  }
  return spec;
}

/** True when a field of the form sits at `path` (and so shows its messages). */
export function specHasPath(spec: FieldSpec, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  switch (spec.kind) {
    case "object": {
      const field = spec.fields.find((f) => f.key === head);
      return field ? specHasPath(field.spec, rest) : false;
    }
    case "array":
      return /^\d+$/.test(head) && specHasPath(spec.item, rest);
    case "union":
      if (head === spec.discriminator) return rest.length === 0;
      return spec.options.some((o) => o.fields.some((f) => f.key === head && specHasPath(f.spec, rest)));
    default:
      return false;
  }
}

/** Messages no field shows: the whole config's (unless a union root shows them), and strays. */
function looseMessages(issues: ReadonlyMap<string, string[]>, spec: FieldSpec): string[] {
  const out: string[] = [];
  for (const [key, messages] of issues) {
    const shown = key === "" ? spec.kind === "union" : specHasPath(spec, key.split("."));
    if (!shown) out.push(...messages);
  }
  return out;
}

export function ConfigForm({ nodeId, type, config, readOnly }: { nodeId: string; type: string; config: Record<string, unknown>; readOnly: boolean }) {
  const store = useEditorApi();
  const definition = getNodeDefinition(type);
  useRefreshSamplesAfterRuns();

  const change = useCallback(
    (path: Path, value: unknown) => {
      const current = store.getState().nodes.find((n) => n.id === nodeId)?.data.config ?? {};
      const next = setIn(current, path, value) as Record<string, unknown>;
      store.getState().updateNodeConfig(nodeId, next, pathKey(path));
    },
    [nodeId, store],
  );

  // Global and workflow variables, for `$vars.` suggestions (fetched once, shared with the variables panel).
  const { workflowId } = useEditorContext();
  const variables = useQuery({ queryKey: variableNamesKey(workflowId), queryFn: () => variableNamesAction(workflowId), staleTime: 30_000 });
  const known = variables.data;
  const suggestions = useCallback(() => buildSuggestions(toWorkflowGraph(store.getState()), nodeId, known ?? []), [nodeId, store, known]);

  const issues = useMemo(() => {
    if (!definition) return new Map<string, string[]>();
    const parsed = definition.configSchema.safeParse(config);
    return issuesByPath(parsed.success ? undefined : parsed.error);
  }, [config, definition]);

  const expressions = useMemo(
    () => new Map((definition?.expressions?.(config) ?? []).map((ref) => [ref.path, ref.kind] as const)),
    [config, definition],
  );

  // The admins' enabled AI models (Settings → AI models); the definition's static list until they arrive or if refused.
  const offered = useQuery({ queryKey: ["ai-models-offered"], queryFn: () => offeredAiModelsAction(), staleTime: 60_000, enabled: Boolean(definition?.knownValues) });
  const aiModels = offered.data && !("ok" in offered.data) ? offered.data : undefined;
  const knownValues = useMemo(() => definition?.knownValues?.(config, { aiModels }) ?? {}, [config, definition, aiModels]);

  const context = useMemo<ConfigFormContextValue>(
    () => ({
      issues,
      expressions,
      blankRequired: new Set(definition?.blankRequired ?? []),
      readOnly,
      nodeType: type,
      nodeId,
      idPrefix: `cfg-${nodeId}`,
      change,
      suggestions,
      knownValues,
    }),
    [change, definition, expressions, issues, knownValues, nodeId, readOnly, suggestions, type],
  );

  if (!definition) {
    return <p className="text-sm text-zinc-500">This node has an unknown type, so its settings cannot be edited here.</p>;
  }
  const spec = specFor(definition);
  const loose = looseMessages(issues, spec);
  return (
    <ConfigFormContext.Provider value={context}>
      <div className="space-y-3" data-testid="config-form">
        {loose.length > 0 && (
          <ul role="alert" className="rounded-md bg-red-50 p-2 text-xs text-red-700 dark:bg-red-500/10 dark:text-red-300">
            {loose.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {spec.kind === "object" && <ObjectFields fields={spec.fields} path={[]} value={config} />}
        {spec.kind === "union" && <ConfigField field={{ key: "", label: "Settings", optional: false, spec }} path={[]} value={config} />}
        {spec.kind !== "object" && spec.kind !== "union" && (
          <JsonControl id={`cfg-${nodeId}-json`} pathKey="" spec={spec} value={config} optional={false} invalid={issues.size > 0} describedBy="" onChange={(v) => change([], v)} />
        )}
      </div>
    </ConfigFormContext.Provider>
  );
}
