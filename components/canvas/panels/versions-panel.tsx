"use client";
// Published versions: who published what and when; restore one as the draft; compare two (or
// one with the current draft) as a list and as highlights on the canvas.
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { History, X } from "lucide-react";
import { toast } from "sonner";
import { diffVersionsAction, getVersionAction, listVersionsAction, restoreVersionAction } from "@/app/(app)/workflows/[id]/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { relativeTime } from "@/lib/format/relative-time";
import type { GraphDiff, RestoredDraft } from "@/lib/workflows/contract";
import { diffGraphs } from "@/lib/workflows/diff";
import { toWorkflowGraph } from "../graph/convert";
import type { Autosaver } from "../store/autosaver";
import { useEditorContext, useReadOnly } from "../store/context";
import { controlClass } from "../inspector/field-parts";
import { CompareResult } from "./compare-result";
import { comparisonOf } from "./version-compare";

export const versionsKey = (id: string) => ["workflow-versions", id] as const;

export function VersionsPanel({
  autosaver,
  publishedVersion,
  onClose,
  onRestored,
}: {
  autosaver: Autosaver;
  publishedVersion: number | null;
  onClose: () => void;
  onRestored: (draft: RestoredDraft) => void;
}) {
  const { workflowId, store, annotations } = useEditorContext();
  const readOnly = useReadOnly();
  const versions = useQuery({
    queryKey: versionsKey(workflowId),
    queryFn: async () => {
      const result = await listVersionsAction(workflowId);
      if (!result.ok) throw new Error(result.message);
      return result.versions;
    },
  });
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("draft");
  const [diff, setDiff] = useState<GraphDiff | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<number | null>(null);

  // The highlights belong to this panel: closing it clears them.
  useEffect(() => () => annotations.getState().setComparison(null), [annotations]);

  const list = versions.data ?? [];
  // The newest version is the usual starting point: chosen until the person picks another.
  const fromValue = from || (list[0] ? String(list[0].version) : "");

  const compare = async () => {
    const a = Number(fromValue);
    if (!a) return;
    setBusy(true);
    try {
      let result: GraphDiff;
      if (to === "draft") {
        // Against the draft as it is on screen, saved or not.
        const snapshot = await getVersionAction(workflowId, a);
        if (!snapshot.ok) throw new Error(snapshot.message);
        result = diffGraphs(snapshot.snapshot, toWorkflowGraph(store.getState()));
      } else {
        const answer = await diffVersionsAction(workflowId, a, Number(to));
        if (!answer.ok) throw new Error(answer.message);
        result = answer.diff;
      }
      setDiff(result);
      annotations.getState().setComparison(comparisonOf(result, `v${a} → ${to === "draft" ? "draft" : `v${to}`}`));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not compare the versions");
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: number) => {
    setBusy(true);
    try {
      await autosaver.flush();
      const result = await restoreVersionAction(workflowId, version);
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      store.getState().replaceGraph({ nodes: result.nodes, edges: result.edges }, result.revision);
      onRestored(result);
      setDiff(null);
      annotations.getState().setComparison(null);
      toast.success(`Version ${version} is the draft again`);
    } catch {
      toast.error("Could not reach the server; nothing was restored.");
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  return (
    <div className="flex h-full flex-col" data-testid="versions-panel">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="flex items-center gap-2 text-sm font-semibold">
          <History aria-hidden className="size-4" /> Versions
        </h2>
        <button type="button" aria-label="Close versions" onClick={onClose} className="rounded p-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <X aria-hidden className="size-4" />
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4">
        {versions.isPending && <p className="text-sm text-zinc-500">Loading versions…</p>}
        {versions.isError && <p className="text-sm text-red-600">{versions.error.message}</p>}
        {versions.isSuccess && list.length === 0 && <p className="text-sm text-zinc-500">Nothing published yet. Publish to create version 1.</p>}
        <ol className="space-y-2">
          {list.map((v) => (
            <li key={v.version} data-testid="version-item" className="rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-800">
              <div className="flex items-center justify-between gap-2">
                <span className="font-semibold">
                  v{v.version}
                  {v.version === publishedVersion && <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-[11px] font-medium text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300">live</span>}
                </span>
                <span className="text-xs text-zinc-500" title={v.publishedAt}>
                  {relativeTime(v.publishedAt)}
                </span>
              </div>
              <p className="text-xs text-zinc-500">
                by {v.publishedByName} · {v.nodeCount} nodes, {v.edgeCount} connections
              </p>
              {v.notes && <p className="mt-1 text-xs whitespace-pre-wrap">{v.notes}</p>}
              {!readOnly && (
                <Button size="sm" variant="ghost" className="mt-1 h-7 px-2 text-xs" disabled={busy} onClick={() => setRestoring(v.version)}>
                  Restore as draft
                </Button>
              )}
            </li>
          ))}
        </ol>
        {list.length > 0 && (
          <section aria-labelledby="compare-heading" className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <h3 id="compare-heading" className="text-sm font-semibold">
              Compare
            </h3>
            <div className="grid grid-cols-2 gap-2">
              <label className="text-xs">
                From
                <select data-testid="compare-from" value={fromValue} onChange={(e) => setFrom(e.target.value)} className={controlClass}>
                  <option value="">Choose…</option>
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-xs">
                To
                <select data-testid="compare-to" value={to} onChange={(e) => setTo(e.target.value)} className={controlClass}>
                  <option value="draft">Current draft</option>
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="flex gap-2">
              <Button size="sm" data-testid="compare-button" disabled={!fromValue || busy || fromValue === to} onClick={() => void compare()}>
                Compare
              </Button>
              {diff && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setDiff(null);
                    annotations.getState().setComparison(null);
                  }}
                >
                  Clear
                </Button>
              )}
            </div>
            {diff && <CompareResult diff={diff} />}
          </section>
        )}
      </div>
      <Modal
        open={restoring !== null}
        onOpenChange={(open) => !open && setRestoring(null)}
        title={`Restore version ${restoring ?? ""} as the draft?`}
        description="The draft's nodes, connections and settings are replaced by that version. Published versions are not changed, and this cannot be undone with Ctrl+Z."
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRestoring(null)}>
            Cancel
          </Button>
          <Button data-testid="restore-confirm" disabled={busy} onClick={() => restoring !== null && void restore(restoring)}>
            Restore
          </Button>
        </div>
      </Modal>
    </div>
  );
}
