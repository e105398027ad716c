// Autosave: ~800 ms after the last change, the graph (stored fields only) goes to the server
// with the revision it is based on. One save at a time; changes made meanwhile go in the next.
// A save refused because someone else saved first stops autosaving until the user chooses
// "reload theirs" or "overwrite with mine". Framework-free: React reads it through
// useSyncExternalStore, tests drive it with fake timers.
import type { GraphDiff, SaveGraphInput, SaveGraphResult } from "@/lib/workflows/contract";
import { diffGraphs } from "@/lib/workflows/diff";
import { MAX_PAYLOAD_BYTES, jsonBytes, tooLargeMessage } from "@/lib/workflows/limits";
import type { WorkflowGraph } from "@/lib/workflow/types";
import { toWorkflowGraph } from "../graph/convert";
import { isDirty, type EditorStore } from "./editor-store";

export const AUTOSAVE_DELAY_MS = 800;

export interface SaveConflict extends WorkflowGraph {
  revision: number;
  lastEditorName: string;
  updatedAt: string;
  /** From their graph to mine: what "overwrite with mine" would change. */
  diff: GraphDiff;
}

export type SaveStatus = "idle" | "saving" | "saved" | "error" | "conflict";

export interface SaveSnapshot {
  status: SaveStatus;
  dirty: boolean;
  savedAt: number | null;
  message: string | null;
  conflict: SaveConflict | null;
}

export interface AutosaverOptions {
  workflowId: string;
  save: (input: SaveGraphInput) => Promise<SaveGraphResult>;
  delayMs?: number;
  now?: () => number;
}

export class Autosaver {
  private snapshot: SaveSnapshot;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly store: EditorStore,
    private readonly options: AutosaverOptions,
  ) {
    this.snapshot = { status: "idle", dirty: isDirty(store.getState()), savedAt: null, message: null, conflict: null };
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  private update(patch: Partial<SaveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Starts watching the store; returns the function that stops it. */
  start(): () => void {
    let version = this.store.getState().docVersion;
    const unsubscribe = this.store.subscribe((state) => {
      const dirty = isDirty(state);
      if (dirty !== this.snapshot.dirty) this.update({ dirty });
      if (state.docVersion === version) return;
      version = state.docVersion;
      if (dirty && this.snapshot.status !== "conflict") this.schedule();
    });
    return () => {
      unsubscribe();
      this.cancel();
    };
  }

  private schedule() {
    this.cancel();
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  private cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Saves now if there is anything to save; true when the copy is saved afterwards.
   * `overwrite` saves over a newer stored revision (force), after a conflict.
   */
  async flush(overwrite = false): Promise<boolean> {
    this.cancel();
    while (this.inFlight) await this.inFlight;
    if (this.snapshot.status === "conflict" && !overwrite) return false;
    if (!isDirty(this.store.getState()) && !overwrite) return true;
    this.inFlight = this.send(overwrite).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    return this.snapshot.status === "saved" && !isDirty(this.store.getState());
  }

  private async send(force: boolean) {
    const state = this.store.getState();
    const version = state.docVersion;
    const graph = toWorkflowGraph(state);
    const input: SaveGraphInput = { id: this.options.workflowId, revision: state.revision, ...graph };
    if (force) input.force = true;
    const bytes = jsonBytes(input);
    if (bytes > MAX_PAYLOAD_BYTES) {
      this.update({ status: "error", message: tooLargeMessage("This workflow", bytes) });
      return;
    }
    this.update({ status: "saving", message: null });
    let result: SaveGraphResult;
    try {
      result = await this.options.save(input);
    } catch {
      this.update({ status: "error", message: "Could not reach the server. Your changes are kept here; retry when you are back online." });
      return;
    }
    if (result.ok) {
      this.store.getState().markSaved(version, result.revision);
      this.update({ status: "saved", savedAt: (this.options.now ?? Date.now)(), conflict: null, dirty: isDirty(this.store.getState()) });
      if (isDirty(this.store.getState())) this.schedule();
    } else if ("conflict" in result) {
      const theirs = { nodes: result.conflict.nodes, edges: result.conflict.edges };
      this.update({ status: "conflict", conflict: { ...result.conflict, diff: diffGraphs(theirs, graph) }, message: null });
    } else {
      const first = result.problems?.[0];
      this.update({ status: "error", message: first && !result.message.includes(first.message) ? `${result.message} ${first.message}` : result.message });
    }
  }

  /** Conflict: take the other person's graph, dropping the local changes. */
  reloadTheirs() {
    const conflict = this.snapshot.conflict;
    if (!conflict) return;
    this.store.getState().replaceGraph({ nodes: conflict.nodes, edges: conflict.edges }, conflict.revision);
    this.update({ status: "saved", conflict: null, dirty: false, savedAt: (this.options.now ?? Date.now)() });
  }

  /** Conflict: save the local graph over theirs. */
  async overwrite(): Promise<boolean> {
    this.update({ status: "idle", conflict: null });
    return this.flush(true);
  }

  retry(): Promise<boolean> {
    return this.flush();
  }
}
