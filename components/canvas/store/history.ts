// How edits become undo steps. zundo records the state before every change that alters the
// document; this decides which of those records to keep:
// - a drag (React Flow sends one position change per frame) is ONE step, from where the nodes
//   were before the drag to where they were dropped;
// - a burst of edits with the same key (typing in one inspector field) within `windowMs` is one
//   step;
// - selection, measured sizes and other changes that do not alter the document are no step.
import type { FlowEdge, FlowNode, GraphDoc } from "../types";

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.type === b.type &&
      a.data === b.data &&
      a.position.x === b.position.x &&
      a.position.y === b.position.y)
  );
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.source === b.source &&
      a.target === b.target &&
      (a.sourceHandle ?? null) === (b.sourceHandle ?? null) &&
      a.data === b.data)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/**
 * True when two states hold the same document. Linear, by reference wherever possible: domain
 * actions replace `data` when they change it, React Flow's changes keep it.
 */
export function sameDoc(a: GraphDoc, b: GraphDoc): boolean {
  return sameList(a.nodes, b.nodes, sameNode) && sameList(a.edges, b.edges, sameEdge);
}

export const partializeDoc = (state: GraphDoc): GraphDoc => ({ nodes: state.nodes, edges: state.edges });

type Record = (past: GraphDoc) => void;

export class HistoryGrouper {
  private record: Record | null = null;
  private inGesture = false;
  private gestureOrigin: GraphDoc | null = null;
  private last: { key: string; at: number } | null = null;
  private nextKey: string | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = 1_000,
  ) {}

  /** zundo's `handleSet` option: receives zundo's recorder, returns the filter in front of it. */
  readonly handleSet = (inner: (past: GraphDoc) => void) => {
    this.record = inner;
    return (past: unknown) => this.onChange(past as GraphDoc);
  };

  private onChange(past: GraphDoc) {
    if (this.inGesture) {
      this.gestureOrigin ??= past;
      return;
    }
    const key = this.nextKey;
    const now = this.now();
    if (key !== null && this.last?.key === key && now - this.last.at < this.windowMs) {
      this.last.at = now;
      return; // same burst: the step recorded at its start already holds the state before it
    }
    this.last = key === null ? null : { key, at: now };
    this.record?.(past);
  }

  /** Runs `change` so that, if it alters the document, it joins the burst named `key`. */
  keyed<T>(key: string, change: () => T): T {
    this.nextKey = key;
    try {
      return change();
    } finally {
      this.nextKey = null;
    }
  }

  get dragging(): boolean {
    return this.inGesture;
  }

  beginGesture() {
    this.inGesture = true;
  }

  /** Ends a drag: records one step from before it, unless the nodes ended where they began; says whether it did. */
  endGesture(current: GraphDoc): boolean {
    const origin = this.gestureOrigin;
    this.inGesture = false;
    this.gestureOrigin = null;
    this.last = null;
    if (!origin || sameDoc(origin, current)) return false;
    this.record?.(origin);
    return true;
  }

  /** Forget the current burst (after undo/redo, the next edit is a new step). */
  breakBurst() {
    this.last = null;
  }
}
