import "server-only";
// What `$vars` holds when a run starts: the global variables, then the workflow's own on top
// (a workflow variable hides a global one of the same name); set nodes write over both during
// the run. Read once, when the run is created, and kept in the run's state, so a change to a
// variable affects new runs only and the run page shows the values the run used. A secret
// variable is kept as its marker (lib/variables/secret-marker.ts), never its value.
import { secretMarker } from "./secret-marker";
import { plainValue, variablesInScope } from "./store";

export async function startingVariables(workflowId: string, runId: string): Promise<{ name: string; value: unknown }[]> {
  const docs = await variablesInScope(workflowId);
  const byName = new Map<string, { name: string; value: unknown }>();
  // Globals first, so the workflow's own of the same name replace them.
  for (const doc of [...docs.filter((d) => d.scope === "global"), ...docs.filter((d) => d.scope !== "global")]) {
    byName.set(doc.name, { name: doc.name, value: doc.secret ? secretMarker(runId, doc.name) : plainValue(doc) });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
