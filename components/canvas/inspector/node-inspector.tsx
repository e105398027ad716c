"use client";
// The selected node: its title, its config form, and the flow problems that concern it (config
// problems show beside their fields). Subscribes to the node's data only, so a drag does not
// re-render the form.
import { memo, useMemo } from "react";
import { Sparkles } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { nodeIcon } from "../nodes/icons";
import { useAnnotations, useEditor, useEditorApi, useReadOnly } from "../store/context";
import { ConfigForm } from "./config-form";
import { DecisionScope } from "./decision-scope";
import { StepTools } from "./step-tools";
import type { Autosaver } from "../store/autosaver";
import { FieldLabel, controlClass } from "./field-parts";

const INLINE_CODES = new Set(["invalid-config", "expression-syntax"]);

export const NodeInspector = memo(function NodeInspector({ nodeId, autosaver }: { nodeId: string; autosaver?: Autosaver }) {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  const data = useEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const type = useEditor((s) => s.nodes.find((n) => n.id === nodeId)?.type ?? "");
  const problems = useAnnotations(
    useShallow((s) => s.problems.filter((p) => !INLINE_CODES.has(p.code) && (p.nodeId === nodeId || p.nodeIds?.includes(nodeId)))),
  );
  const definition = getNodeDefinition(type);
  const Icon = nodeIcon(definition?.icon);
  const titleId = `inspector-title-${nodeId}`;
  const messages = useMemo(() => [...new Set(problems.map((p) => p.message))], [problems]);
  if (!data) return null;
  return (
    <div className="space-y-4">
      <header className="flex items-start gap-2 pr-6">
        <span
          className="flex size-8 shrink-0 items-center justify-center rounded-md"
          style={{ backgroundColor: `${definition?.color ?? "#71717a"}1f`, color: definition?.color }}
        >
          <Icon aria-hidden className="size-4" />
        </span>
        <div className="min-w-0">
          <h2 className="text-sm font-semibold">{definition?.label ?? `Unknown type "${type}"`}</h2>
          {definition && <p className="text-xs text-zinc-500">{definition.description}</p>}
          <p className="mt-1 text-[11px] text-zinc-400">
            Id <code className="font-mono select-all">{nodeId}</code>
          </p>
        </div>
      </header>
      {data.suggested && (
        <div data-testid="inspector-suggested" className="flex items-start gap-2 rounded-md border border-violet-200 bg-violet-50 p-2 text-xs text-violet-900 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-200">
          <Sparkles aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          <p className="min-w-0 flex-1">
            <strong className="font-semibold">Suggested by AI — review.</strong> Check its settings; editing or moving it marks it reviewed.
          </p>
          {!readOnly && (
            <button
              type="button"
              data-testid="confirm-suggested"
              onClick={() => store.getState().confirmSuggested([nodeId])}
              className="shrink-0 rounded border border-violet-300 bg-white px-2 py-0.5 font-medium hover:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:border-violet-500/40 dark:bg-transparent dark:hover:bg-violet-500/20"
            >
              Looks right
            </button>
          )}
        </div>
      )}
      {messages.length > 0 && (
        <ul data-testid="inspector-problems" className="space-y-1 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <div>
          <FieldLabel htmlFor={titleId}>Title</FieldLabel>
          <input
            id={titleId}
            data-testid="inspector-title"
            type="text"
            maxLength={200}
            value={data.title}
            onChange={(e) => store.getState().updateTitle(nodeId, e.target.value)}
            className={controlClass}
          />
        </div>
        {type === "decision" && <DecisionScope nodeId={nodeId} config={data.config} />}
        <ConfigForm nodeId={nodeId} type={type} config={data.config} readOnly={readOnly} />
      </fieldset>
      <StepTools nodeId={nodeId} type={type} autosaver={autosaver} />
    </div>
  );
});
