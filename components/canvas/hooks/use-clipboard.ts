"use client";
// Copy and paste through the system clipboard as JSON text, so a selection travels between
// workflows and tabs. Keyboard copy/paste use the browser's copy and paste events (no
// permission prompt); the context menu uses the async Clipboard API. A copy is also kept in
// memory for when the system clipboard cannot be read.
import { useCallback, useEffect, type RefObject } from "react";
import { toast } from "sonner";
import type { XY } from "@/lib/workflow/types";
import { parseFragment, serializeFragment } from "../graph/clipboard";
import { copySelection } from "../graph/operations";
import { useEditorApi, useReadOnly } from "../store/context";
import { inDesignerScope } from "./use-keyboard-shortcuts";

let lastCopied: string | null = null;

export function useClipboard(rootRef: RefObject<HTMLElement | null>) {
  const store = useEditorApi();
  const readOnly = useReadOnly();

  const selectionText = useCallback((): string | null => {
    const fragment = copySelection(store.getState());
    return fragment.nodes.length ? serializeFragment(fragment) : null;
  }, [store]);

  const pasteText = useCallback(
    (text: string | null, at?: XY): boolean => {
      if (readOnly || !text) return false;
      const fragment = parseFragment(text);
      if (!fragment) return false;
      const ids = store.getState().paste(fragment, at);
      if (ids.length) toast.success(`Pasted ${ids.length} node${ids.length === 1 ? "" : "s"}`);
      return ids.length > 0;
    },
    [readOnly, store],
  );

  /** For menus and buttons: writes with the Clipboard API, and always into memory. */
  const copy = useCallback(async (): Promise<number> => {
    const text = selectionText();
    if (!text) return 0;
    lastCopied = text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No permission or no secure context: the in-memory copy still pastes in this tab.
    }
    return store.getState().nodes.filter((n) => n.selected).length;
  }, [selectionText, store]);

  const paste = useCallback(
    async (at?: XY) => {
      let text: string | null;
      try {
        text = await navigator.clipboard.readText();
      } catch {
        // Reading was refused (permission, insecure context): fall back to this tab's copy.
        text = lastCopied;
      }
      if (!pasteText(text, at)) toast.info("Nothing to paste: copy nodes first (Ctrl+C)");
    },
    [pasteText],
  );

  // Keyboard copy, cut and paste arrive as clipboard events.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (!inDesignerScope(event.target, rootRef.current) || window.getSelection()?.toString()) return;
      const text = selectionText();
      if (!text) return;
      event.preventDefault();
      event.clipboardData?.setData("text/plain", text);
      lastCopied = text;
      if (cut && !readOnly) store.getState().deleteSelection();
    };
    const copyHandler = (e: ClipboardEvent) => onCopy(e, false);
    const cutHandler = (e: ClipboardEvent) => onCopy(e, true);
    const pasteHandler = (event: ClipboardEvent) => {
      if (readOnly || !inDesignerScope(event.target, rootRef.current)) return;
      if (pasteText(event.clipboardData?.getData("text/plain") ?? null)) event.preventDefault();
    };
    document.addEventListener("copy", copyHandler);
    document.addEventListener("cut", cutHandler);
    document.addEventListener("paste", pasteHandler);
    return () => {
      document.removeEventListener("copy", copyHandler);
      document.removeEventListener("cut", cutHandler);
      document.removeEventListener("paste", pasteHandler);
    };
  }, [pasteText, readOnly, rootRef, selectionText, store]);

  return { copy, paste };
}
