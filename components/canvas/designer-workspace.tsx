"use client";
// The designer's layout and wiring: toolbar; palette | canvas over problems | side panel; and
// the dialogs. The side panel opens only when it has something to show (a selection, the
// workflow's settings, the versions), so the canvas keeps the room otherwise. Owns autosave,
// validation, shortcuts, the clipboard and following a run live.
import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { saveGraphAction } from "@/app/(app)/workflows/[id]/actions";
import type { RestoredDraft, WorkflowEditorData } from "@/lib/workflows/contract";
import { DraftBanner } from "./chrome/draft-banner";
import { DraftPrompt } from "./chrome/draft-prompt";
import { FlowCanvas } from "./chrome/flow-canvas";
import { Palette } from "./chrome/palette";
import { ShortcutsHelp } from "./chrome/shortcuts-help";
import { Toolbar } from "./chrome/toolbar";
import { useCanvasActions } from "./hooks/use-canvas-actions";
import { useClipboard } from "./hooks/use-clipboard";
import { useKeyboardShortcuts } from "./hooks/use-keyboard-shortcuts";
import { useUnsavedChangesWarning } from "./hooks/use-save-state";
import { useAiAvailability } from "./hooks/use-ai-availability";
import { useSettings } from "./hooks/use-settings";
import { useValidation } from "./hooks/use-validation";
import { Inspector } from "./inspector/inspector";
import { ConflictDialog } from "./panels/conflict-dialog";
import { ProblemsPanel } from "./panels/problems-panel";
import { PublishDialog } from "./panels/publish-dialog";
import { RunBanner } from "./run/run-banner";
import { RunDialog } from "./run/run-dialog";
import { useLiveRun } from "./run/use-live-run";
import { VersionsPanel, versionsKey } from "./panels/versions-panel";
import { TriggersPanel, triggersKey } from "@/components/triggers/triggers-panel";
import { Autosaver } from "./store/autosaver";
import { isDirty } from "./store/editor-store";
import { useEditor, useEditorContext } from "./store/context";

export function DesignerWorkspace({ data }: { data: WorkflowEditorData }) {
  const { store, readOnly, workflowId } = useEditorContext();
  const rootRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const [autosaver] = useState(() => new Autosaver(store, { workflowId, save: saveGraphAction }));
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [panel, setPanel] = useState<"none" | "settings" | "versions" | "triggers">("none");
  const versionsOpen = panel === "versions";
  const triggersOpen = panel === "triggers";
  const hasSelection = useEditor((s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected));
  const [publishOpen, setPublishOpen] = useState(false);
  const [runOpen, setRunOpen] = useState(false);
  const [conflictRequest, setConflictRequest] = useState(0);
  const [publishedVersion, setPublishedVersion] = useState(data.publishedVersion);
  const settings = useSettings(workflowId, data.settings);
  const ai = useAiAvailability(workflowId, data.availableToAi);
  const actions = useCanvasActions();
  const clipboard = useClipboard(rootRef);

  useValidation();
  useLiveRun();
  useUnsavedChangesWarning(autosaver);
  useKeyboardShortcuts(rootRef, {
    onHelp: useCallback(() => setHelpOpen(true), []),
    onFitView: actions.fitAll,
    onEscape: useCallback(() => setPanel((p) => (p === "settings" ? "none" : p)), []),
  });

  useEffect(() => {
    if (readOnly) return;
    const stop = autosaver.start();
    return () => {
      stop();
      // Leaving the page inside the app: send what is not saved yet.
      if (isDirty(store.getState())) void autosaver.flush();
    };
  }, [autosaver, readOnly, store]);

  // A newer graph from the server (the page was refreshed) replaces ours only if ours is clean.
  useEffect(() => {
    const s = store.getState();
    if (data.revision > s.revision && !isDirty(s)) store.getState().replaceGraph(data, data.revision);
  }, [data, store]);

  const { addNode, autoLayout } = actions;
  const onAdd = useCallback((type: string) => void addNode(type), [addNode]);
  const closeInspector = useCallback(() => {
    store.getState().select([]);
    setPanel("none");
  }, [store]);
  const onRestored = useCallback((draft: RestoredDraft) => settings.replace(draft.settings), [settings]);
  const onPublished = useCallback(
    (version: number) => {
      setPublishedVersion(version);
      void queryClient.invalidateQueries({ queryKey: versionsKey(workflowId) });
      void queryClient.invalidateQueries({ queryKey: triggersKey(workflowId) }); // publishing activates the triggers
    },
    [queryClient, workflowId],
  );

  return (
    <div ref={rootRef} data-designer-root data-read-only={readOnly || undefined} className="flex flex-col overflow-hidden bg-zinc-50 dark:bg-zinc-950">
      <Toolbar
        name={data.name}
        publishedVersion={publishedVersion}
        autosaver={autosaver}
        snapToGrid={snapToGrid}
        versionsOpen={versionsOpen}
        triggersOpen={triggersOpen}
        settingsOpen={panel === "settings"}
        onToggleSnap={() => setSnapToGrid((s) => !s)}
        onLayout={() => autoLayout(snapToGrid)}
        onHelp={() => setHelpOpen(true)}
        onToggleVersions={() => setPanel((p) => (p === "versions" ? "none" : "versions"))}
        onToggleTriggers={() => setPanel((p) => (p === "triggers" ? "none" : "triggers"))}
        onToggleSettings={() => setPanel((p) => (p === "settings" ? "none" : "settings"))}
        onPublish={() => setPublishOpen(true)}
        onRun={() => setRunOpen(true)}
        onShowConflict={() => setConflictRequest((n) => n + 1)}
      />
      <div className="relative flex min-h-0 flex-1">
        {!readOnly && <Palette onAdd={onAdd} />}
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <FlowCanvas snapToGrid={snapToGrid} clipboard={clipboard} />
            <DraftPrompt />
            <DraftBanner />
            <RunBanner />
          </div>
          <ProblemsPanel />
        </div>
        {(versionsOpen || triggersOpen || panel === "settings" || hasSelection) && (
          // Beside the canvas on a wide screen; over it on a phone, where 320 px beside would leave
          // the canvas no room (and the page would scroll sideways).
          <aside
            data-testid="side-panel"
            className="w-80 min-w-0 shrink-0 border-l border-zinc-200 bg-white max-md:absolute max-md:inset-y-0 max-md:right-0 max-md:z-20 max-md:w-full max-md:max-w-sm max-md:shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
          >
            {versionsOpen ? (
              <VersionsPanel autosaver={autosaver} publishedVersion={publishedVersion} onClose={() => setPanel("none")} onRestored={onRestored} />
            ) : triggersOpen ? (
              <TriggersPanel workflowId={workflowId} onClose={() => setPanel("none")} />
            ) : (
              <Inspector
                settings={settings.settings}
                onSettingsChange={settings.update}
                settingsSave={settings.save}
                ai={ai}
                published={publishedVersion !== null}
                onClose={closeInspector}
                autosaver={autosaver}
              />
            )}
          </aside>
        )}
      </div>
      <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} readOnly={readOnly} />
      {!readOnly && (
        <>
          <RunDialog autosaver={autosaver} open={runOpen} onOpenChange={setRunOpen} publishedVersion={publishedVersion} />
          <PublishDialog autosaver={autosaver} open={publishOpen} onOpenChange={setPublishOpen} onPublished={onPublished} />
          <ConflictDialog autosaver={autosaver} reopenSignal={conflictRequest} />
        </>
      )}
    </div>
  );
}
