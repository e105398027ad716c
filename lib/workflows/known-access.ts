// The access list and status of workflows this process read last, so an autosave need not
// read the whole workflow again before writing it. Why: the embedded FerretDB decodes a whole
// document for any read, projection or not. Measured with a 1,000-node graph (297 KB, load ≈ 10
// on 2 cores): the read before a save took ~250 ms p50, the update itself ~500 ms. A save that
// uses what is known here still decides with can(), and its update only matches while the
// stored permissions and status are exactly the ones it decided on; otherwise the save takes
// the full path (read, decide, write). On MongoDB the read costs ~1 ms and this saves nothing
// that matters: delete this module and its two uses if FerretDB goes away.
import type { StoredWorkflow } from "./store";

export interface KnownAccess {
  permissions?: StoredWorkflow["permissions"];
  status: StoredWorkflow["status"];
}

const LIMIT = 500;
const holder = globalThis as unknown as { __switchyardKnownAccess?: Map<string, KnownAccess> };
const known = (holder.__switchyardKnownAccess ??= new Map<string, KnownAccess>());

export function rememberAccess(id: string, doc: KnownAccess): void {
  known.delete(id);
  if (known.size >= LIMIT) known.delete(known.keys().next().value!);
  known.set(id, { permissions: doc.permissions, status: doc.status });
}

export function knownAccess(id: string): KnownAccess | undefined {
  return known.get(id);
}

export function forgetAccess(id: string): void {
  known.delete(id);
}
