"use client";
// Listens for the designer's shortcuts (chrome/shortcuts.ts) while the focus is in the designer
// (or nowhere in particular) and not in a field, a dialog or a menu.
import { useEffect, type RefObject } from "react";
import { SHORTCUTS, isTypingTarget, matchShortcut, type ShortcutAction } from "../chrome/shortcuts";
import { useEditorApi, useReadOnly } from "../store/context";

/** True when a key or clipboard event belongs to the designer rooted at `root`. */
export function inDesignerScope(target: EventTarget | null, root: HTMLElement | null): boolean {
  if (isTypingTarget(target)) return false;
  if (!target || target === document.body || target === document.documentElement) return true;
  return Boolean(root && target instanceof Node && root.contains(target));
}

const EDITS = new Set(SHORTCUTS.filter((s) => s.edits).map((s) => s.action));

export function useKeyboardShortcuts(
  rootRef: RefObject<HTMLElement | null>,
  handlers: { onHelp: () => void; onFitView: () => void; onEscape?: () => void },
) {
  const store = useEditorApi();
  const readOnly = useReadOnly();
  const { onHelp, onFitView, onEscape } = handlers;

  useEffect(() => {
    const run: Partial<Record<ShortcutAction, () => void>> = {
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      duplicate: () => store.getState().duplicate(),
      delete: () => store.getState().deleteSelection(),
      selectAll: () => store.getState().selectAll(),
      deselect: () => {
        store.getState().select([]);
        onEscape?.();
      },
      fitView: onFitView,
      help: onHelp,
      // copy, cut and paste come as clipboard events (hooks/use-clipboard.ts)
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !inDesignerScope(event.target, rootRef.current)) return;
      const action = matchShortcut(event);
      const handler = action && run[action];
      if (!action || !handler || (readOnly && EDITS.has(action))) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onEscape, onFitView, onHelp, readOnly, rootRef, store]);
}
