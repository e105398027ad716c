"use client";
// One editor instance: its graph store and annotation store, created once per mounted designer
// and handed down through context. Components read them with narrow selectors.
import { createContext, useContext, useState } from "react";
import { useStore } from "zustand";
import type { TemporalState } from "zundo";
import type { GraphDoc } from "../types";
import { createAnnotationStore, type AnnotationState, type AnnotationStore } from "./annotations-store";
import { createEditorStore, type EditorInit, type EditorState, type EditorStore } from "./editor-store";

export interface EditorContextValue {
  store: EditorStore;
  annotations: AnnotationStore;
  workflowId: string;
  readOnly: boolean;
}

const EditorContext = createContext<EditorContextValue | null>(null);

export function EditorProvider({
  workflowId,
  init,
  children,
}: {
  workflowId: string;
  init: EditorInit;
  children: React.ReactNode;
}) {
  // Created once: later props (a server refresh) are adopted explicitly, never by re-creating.
  const [value] = useState<EditorContextValue>(() => ({
    store: createEditorStore(init),
    annotations: createAnnotationStore(),
    workflowId,
    readOnly: Boolean(init.readOnly),
  }));
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditorContext must be used inside <EditorProvider>");
  return value;
}

/** Reads the graph store; wrap object-returning selectors in useShallow. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorContext().store, selector);
}

export function useEditorApi(): EditorStore {
  return useEditorContext().store;
}

export function useHistory<T>(selector: (state: TemporalState<GraphDoc>) => T): T {
  return useStore(useEditorContext().store.temporal, selector);
}

export function useAnnotations<T>(selector: (state: AnnotationState) => T): T {
  return useStore(useEditorContext().annotations, selector);
}

export function useReadOnly(): boolean {
  return useEditorContext().readOnly;
}
