"use client";
// The strip above the canvas: name and status, history, layout and grid, help, versions, the
// save indicator, the workflow's runs, Run and Publish. On a phone the keyboard-and-mouse tools
// (undo, redo, layout, grid, shortcuts) step aside so Run and Publish fit, the buttons keep only their
// icons (their names stay for screen readers) and the strip scrolls inside itself if it must,
// never the page (it is `relative` so the screen-reader-only names, positioned absolutely, stay
// inside it rather than widening the page).
import Link from "next/link";
import { ArrowLeft, History, Keyboard, ListChecks, Magnet, Network, Play, Redo2, Rocket, Settings2, Undo2, Zap } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useAnnotations, useEditorApi, useEditorContext, useHistory, useReadOnly } from "../store/context";
import type { Autosaver } from "../store/autosaver";
import { SaveIndicator } from "../panels/save-indicator";
import { useIsMac } from "../hooks/use-is-mac";

function ToolButton({ label, shortcut, onClick, disabled, active, testId, className, children }: {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  testId: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      aria-label={label}
      aria-pressed={active}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 disabled:opacity-35 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800",
        active && "bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-100",
        className,
      )}
    >
      {children}
    </button>
  );
}

export function Toolbar({
  name,
  publishedVersion,
  autosaver,
  snapToGrid,
  versionsOpen,
  triggersOpen,
  settingsOpen,
  onToggleSnap,
  onLayout,
  onHelp,
  onToggleVersions,
  onToggleTriggers,
  onToggleSettings,
  onPublish,
  onRun,
  onShowConflict,
}: {
  name: string;
  publishedVersion: number | null;
  autosaver: Autosaver;
  snapToGrid: boolean;
  versionsOpen: boolean;
  triggersOpen: boolean;
  settingsOpen: boolean;
  onToggleSnap: () => void;
  onLayout: () => void;
  onHelp: () => void;
  onToggleVersions: () => void;
  onToggleTriggers: () => void;
  onToggleSettings: () => void;
  onPublish: () => void;
  onRun: () => void;
  onShowConflict: () => void;
}) {
  const store = useEditorApi();
  const { workflowId } = useEditorContext();
  const readOnly = useReadOnly();
  const canUndo = useHistory((s) => s.pastStates.length > 0);
  const canRedo = useHistory((s) => s.futureStates.length > 0);
  const errorCount = useAnnotations((s) => s.errorCount);
  const mod = useIsMac() ? "⌘" : "Ctrl+";
  const publishBlocked = errorCount > 0;
  const publishHint = publishBlocked ? `Fix ${errorCount} error${errorCount === 1 ? "" : "s"} before publishing (see Problems)` : "Publish a new version";
  return (
    <div
      data-testid="designer-toolbar"
      className="relative flex h-12 min-w-0 shrink-0 items-center gap-2 overflow-x-auto border-b border-zinc-200 bg-white px-3 max-md:gap-1 max-md:px-2 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Link href="/workflows" aria-label="Back to workflows" className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
        <ArrowLeft aria-hidden className="size-4" />
      </Link>
      <h1 className="max-w-[28ch] min-w-[4rem] shrink truncate text-sm font-semibold" title={name}>
        {name}
      </h1>
      {publishedVersion !== null && <Badge tone="green">v{publishedVersion} live</Badge>}
      {readOnly && (
        <Badge tone="neutral" className="gap-1">
          <span data-testid="read-only-badge">Read-only</span>
        </Badge>
      )}
      <div className="mx-2 h-5 w-px shrink-0 bg-zinc-200 max-md:hidden dark:bg-zinc-800" />
      {!readOnly && (
        <>
          <ToolButton testId="undo-button" label="Undo" shortcut={`${mod}Z`} disabled={!canUndo} onClick={() => store.getState().undo()} className="max-md:hidden">
            <Undo2 aria-hidden className="size-4" />
          </ToolButton>
          <ToolButton testId="redo-button" label="Redo" shortcut={`${mod}Shift+Z`} disabled={!canRedo} onClick={() => store.getState().redo()} className="max-md:hidden">
            <Redo2 aria-hidden className="size-4" />
          </ToolButton>
          <ToolButton testId="layout-button" label="Auto-layout (left to right)" onClick={onLayout} className="max-md:hidden">
            <Network aria-hidden className="size-4 -rotate-90" />
          </ToolButton>
        </>
      )}
      <ToolButton testId="snap-button" label="Snap to grid" active={snapToGrid} onClick={onToggleSnap} className="max-md:hidden">
        <Magnet aria-hidden className="size-4" />
      </ToolButton>
      <ToolButton testId="shortcuts-button" label="Keyboard shortcuts" shortcut="?" onClick={onHelp} className="max-md:hidden">
        <Keyboard aria-hidden className="size-4" />
      </ToolButton>
      <ToolButton testId="settings-button" label="Workflow settings" active={settingsOpen} onClick={onToggleSettings}>
        <Settings2 aria-hidden className="size-4" />
      </ToolButton>
      <div className="ml-auto flex shrink-0 items-center gap-2 max-md:gap-1">
        {!readOnly && <SaveIndicator autosaver={autosaver} onShowConflict={onShowConflict} />}
        <Link
          href={`/workflows/${workflowId}/runs`}
          data-testid="runs-link"
          className="inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm max-md:px-2 font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <ListChecks aria-hidden className="size-4" /> <span className="max-md:sr-only">Runs</span>
        </Link>
        <Button variant={versionsOpen ? "secondary" : "ghost"} size="sm" data-testid="versions-button" className="max-md:px-2" aria-pressed={versionsOpen} onClick={onToggleVersions}>
          <History aria-hidden className="size-4" /> <span className="max-md:sr-only">Versions</span>
        </Button>
        <Button variant={triggersOpen ? "secondary" : "ghost"} size="sm" data-testid="triggers-button" className="max-md:px-2" aria-pressed={triggersOpen} onClick={onToggleTriggers}>
          <Zap aria-hidden className="size-4" /> <span className="max-md:sr-only">Triggers</span>
        </Button>
        {!readOnly && (
          <Button size="sm" variant="secondary" data-testid="run-button" className="max-md:px-2" title="Run this workflow (test run of the draft, or the published version)" onClick={onRun}>
            <Play aria-hidden className="size-4" /> <span className="max-md:sr-only">Run</span>
          </Button>
        )}
        {!readOnly && (
          // A disabled button shows no tooltip in every browser; the wrapper carries it.
          <span title={publishHint} data-testid="publish-hint">
            <Button size="sm" data-testid="publish-button" disabled={publishBlocked} className="disabled:opacity-50 max-md:px-2" aria-describedby="publish-hint-text" onClick={onPublish}>
              <Rocket aria-hidden className="size-4" /> <span className="max-md:sr-only">Publish</span>
            </Button>
            <span id="publish-hint-text" className="sr-only">
              {publishHint}
            </span>
          </span>
        )}
      </div>
    </div>
  );
}
