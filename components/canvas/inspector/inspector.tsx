"use client";
// The right-hand panel: the selected node, several nodes, a connection, or (nothing selected)
// the workflow's settings. Subscribes to the selection's ids only.
import { memo } from "react";
import { X } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import type { WorkflowSettings } from "@/lib/workflow/types";
import type { AiAvailabilityState } from "../hooks/use-ai-availability";
import type { SettingsSaveState } from "../hooks/use-settings";
import type { Autosaver } from "../store/autosaver";
import { useEditor, useReadOnly } from "../store/context";
import { NodeInspector } from "./node-inspector";
import { EdgeInspector, MultiInspector } from "./selection-inspector";
import { AiAvailability } from "./ai-availability";
import { SettingsForm } from "./settings-form";
import { VariablesPanel } from "../panels/variables-panel";

export const Inspector = memo(function Inspector({
  settings,
  onSettingsChange,
  settingsSave,
  ai,
  published,
  onClose,
  autosaver,
}: {
  settings: WorkflowSettings;
  onSettingsChange: (next: WorkflowSettings) => void;
  settingsSave: SettingsSaveState;
  ai: AiAvailabilityState;
  /** Whether a version is published (assistants see only that). */
  published: boolean;
  /** Clears the selection and closes the panel. */
  onClose: () => void;
  /** Saves the draft before a step test or a run from here. */
  autosaver?: Autosaver;
}) {
  const readOnly = useReadOnly();
  const nodeIds = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const edgeIds = useEditor(useShallow((s) => s.edges.filter((e) => e.selected).map((e) => e.id)));
  let body: React.ReactNode;
  if (nodeIds.length === 1) body = <NodeInspector key={nodeIds[0]} nodeId={nodeIds[0]} autosaver={autosaver} />;
  else if (nodeIds.length > 1) body = <MultiInspector count={nodeIds.length} />;
  else if (edgeIds.length === 1) body = <EdgeInspector edgeId={edgeIds[0]} />;
  else {
    body = (
      <>
        <SettingsForm settings={settings} onChange={onSettingsChange} save={settingsSave} readOnly={readOnly} />
        <AiAvailability state={ai} published={published} readOnly={readOnly} />
        <VariablesPanel />
      </>
    );
  }
  return (
    <section data-testid="inspector" aria-label="Inspector" data-read-only={readOnly || undefined} className="relative h-full overflow-x-hidden overflow-y-auto p-4">
      <button
        type="button"
        data-testid="inspector-close"
        aria-label="Close the inspector"
        title="Close (Esc)"
        onClick={onClose}
        className="absolute top-3 right-3 z-10 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <X aria-hidden className="size-4" />
      </button>
      {body}
    </section>
  );
});
