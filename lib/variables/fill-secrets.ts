import "server-only";
// services.secrets for the runtime: replaces the secret markers in a rendered HTTP header value
// by the secrets' values, read from the store at step time (the workflow's own variable first,
// then the global one). The result goes straight into the request and is never recorded.
import { Variable, type VariableDoc } from "@/models/Variable";
import { MARKER_PATTERN, markerIsGenuine } from "./secret-marker";
import { openVariable, variableId } from "./store";

export type Filled = { ok: true; text: string } | { ok: false; message: string };

async function secretValue(workflowId: string, name: string): Promise<string | null> {
  for (const id of [variableId(workflowId, name), variableId(null, name)]) {
    const doc = await Variable.findById(id).lean<VariableDoc>();
    if (doc?.secret) {
      const value = openVariable(doc);
      return typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return null;
}

export async function fillSecrets(run: { runId: string; workflowId: string }, text: string): Promise<Filled> {
  const found = [...text.matchAll(MARKER_PATTERN)];
  if (found.length === 0) return { ok: true, text };
  const values = new Map<string, string>();
  for (const [marker, name, tag] of found) {
    if (values.has(marker)) continue;
    if (!markerIsGenuine(run.runId, name, tag)) {
      return { ok: false, message: `a placeholder for the secret variable "${name}" was not made by this run (it came from run data or another run), so it is not filled in` };
    }
    const value = await secretValue(run.workflowId, name);
    if (value === null) return { ok: false, message: `the secret variable "${name}" no longer exists; add it again in the workflow's variables or in Settings → Variables` };
    values.set(marker, value);
  }
  return { ok: true, text: text.replace(MARKER_PATTERN, (marker) => values.get(marker) ?? marker) };
}

/** The provider plugged into the runtime (lib/runtime/providers.ts). */
export const secretsProvider = { fill: fillSecrets };
