// Every workflow's id, name, status, access list and AI budget, kept in memory and reloaded only when the
// catalog clock's stamp has changed (models/CatalogClock.ts: creations, deletions, renames,
// sharing, archiving; not autosaves). Checking costs one read by _id; reloading decodes every
// workflow with its graph on the embedded FerretDB (200 workflows: 1.0–2.0 s at load 6).
import { CatalogClock, WORKFLOW_CATALOG } from "@/models/CatalogClock";
import { Workflow } from "@/models/Workflow";
import type { aclOf } from "./access";

export interface CatalogEntry {
  id: string;
  name: string;
  status: string;
  permissions: Parameters<typeof aclOf>[0];
  /** Only the budget of the settings (lib/ai/budget), for the dashboard. */
  settings: { budget?: unknown } | null;
}

const holder = globalThis as unknown as { __switchyardCatalog?: { stamp: string; entries: CatalogEntry[] } };

export async function workflowCatalog(): Promise<CatalogEntry[]> {
  // Read before the workflows: a change made while they are read leaves a stamp this copy does not have.
  const clock = await CatalogClock.findById(WORKFLOW_CATALOG, { stamp: 1 }).lean();
  const cached = holder.__switchyardCatalog;
  if (clock && cached?.stamp === clock.stamp) return cached.entries;
  const docs = await Workflow.find({}, { name: 1, status: 1, permissions: 1, "settings.budget": 1 }).lean<{ _id: unknown; name: string; status: string; permissions: CatalogEntry["permissions"]; settings?: { budget?: unknown } }[]>();
  const entries = docs.map((d) => ({ id: String(d._id), name: d.name, status: d.status, permissions: d.permissions, settings: d.settings ?? null }));
  // Without a clock yet (no change since this version started), nothing would tell us of the next one: not kept.
  if (clock) holder.__switchyardCatalog = { stamp: clock.stamp, entries };
  return entries;
}
