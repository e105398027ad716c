"use client";
// The right-hand panel: the selected node, several nodes, a connection, or (nothing selected)
// the workflow's settings. Subscribes to the selection's ids only.
import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { WorkflowSettings } from "@/lib/workflow/types";
import type { SettingsSaveState } from "../hooks/use-settings";
import { useEditor, useReadOnly } from "../store/context";
import { NodeInspector } from "./node-inspector";
import { EdgeInspector, MultiInspector } from "./selection-inspector";
import { SettingsForm } from "./settings-form";

export const Inspector = memo(function Inspector({
  settings,
  onSettingsChange,
  settingsSave,
}: {
  settings: WorkflowSettings;
  onSettingsChange: (next: WorkflowSettings) => void;
  settingsSave: SettingsSaveState;
}) {
  const readOnly = useReadOnly();
  const nodeIds = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const edgeIds = useEditor(useShallow((s) => s.edges.filter((e) => e.selected).map((e) => e.id)));
  let body: React.ReactNode;
  if (nodeIds.length === 1) body = <NodeInspector key={nodeIds[0]} nodeId={nodeIds[0]} />;
  else if (nodeIds.length > 1) body = <MultiInspector count={nodeIds.length} />;
  else if (edgeIds.length === 1) body = <EdgeInspector edgeId={edgeIds[0]} />;
  else body = <SettingsForm settings={settings} onChange={onSettingsChange} save={settingsSave} readOnly={readOnly} />;
  return (
    <section data-testid="inspector" aria-label="Inspector" data-read-only={readOnly || undefined} className="h-full overflow-y-auto p-4">
      {body}
    </section>
  );
});
