"use client";
// What the inspector shows for several nodes, or for one connection.
import { Copy, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useEditor, useEditorApi, useReadOnly } from "../store/context";

export function MultiInspector({ count }: { count: number }) {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  return (
    <div className="space-y-3">
      <h2 className="text-sm font-semibold">{count} nodes selected</h2>
      <p className="text-xs text-zinc-500">Drag to move them together, or copy them into another workflow with Ctrl+C.</p>
      {!readOnly && (
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => store.getState().duplicate()}>
            <Copy aria-hidden className="size-3.5" /> Duplicate
          </Button>
          <Button size="sm" variant="danger" onClick={() => store.getState().deleteSelection()}>
            <Trash2 aria-hidden className="size-3.5" /> Delete
          </Button>
        </div>
      )}
    </div>
  );
}

export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  const edge = useEditor((s) => s.edges.find((e) => e.id === edgeId));
  const source = useEditor((s) => (edge ? s.nodes.find((n) => n.id === edge.source)?.data.title : undefined));
  const target = useEditor((s) => (edge ? s.nodes.find((n) => n.id === edge.target)?.data.title : undefined));
  if (!edge) return null;
  return (
    <div className="space-y-3 text-sm">
      <h2 className="font-semibold">Connection</h2>
      <p>
        From <strong>{source ?? edge.source}</strong>
        {edge.data?.label ? ` (${edge.data.label})` : ""} to <strong>{target ?? edge.target}</strong>
      </p>
      {edge.data?.condition && (
        <div>
          <p className="text-xs text-zinc-500">Condition (edit it in the decision&apos;s branches)</p>
          <code className="mt-1 block rounded bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-800">{edge.data.condition}</code>
        </div>
      )}
      {!readOnly && (
        <Button size="sm" variant="danger" onClick={() => store.getState().deleteSelection()}>
          <Trash2 aria-hidden className="size-3.5" /> Delete connection
        </Button>
      )}
    </div>
  );
}
