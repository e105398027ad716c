// The designer's keyboard shortcuts: one list for the handler and the help overlay. Pure.

export type ShortcutAction =
  | "undo"
  | "redo"
  | "copy"
  | "cut"
  | "paste"
  | "duplicate"
  | "delete"
  | "selectAll"
  | "deselect"
  | "fitView"
  | "help";

export interface Shortcut {
  action: ShortcutAction;
  /** How the help overlay shows it; "Mod" reads as Ctrl, or ⌘ on a Mac. */
  keys: string[][];
  description: string;
  /** Changes the graph, so viewers do not get it. */
  edits: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "undo", keys: [["Mod", "Z"]], description: "Undo", edits: true },
  { action: "redo", keys: [["Mod", "Shift", "Z"], ["Mod", "Y"]], description: "Redo", edits: true },
  { action: "copy", keys: [["Mod", "C"]], description: "Copy the selection (as JSON, also into another workflow)", edits: false },
  { action: "cut", keys: [["Mod", "X"]], description: "Cut the selection", edits: true },
  { action: "paste", keys: [["Mod", "V"]], description: "Paste", edits: true },
  { action: "duplicate", keys: [["Mod", "D"]], description: "Duplicate the selection", edits: true },
  { action: "delete", keys: [["Delete"], ["Backspace"]], description: "Delete the selection", edits: true },
  { action: "selectAll", keys: [["Mod", "A"]], description: "Select everything", edits: false },
  { action: "deselect", keys: [["Escape"]], description: "Clear the selection, close menus", edits: false },
  { action: "fitView", keys: [["Shift", "1"]], description: "Fit the whole workflow in view", edits: false },
  { action: "help", keys: [["?"]], description: "Show these shortcuts", edits: false },
];

export const EXTRA_HELP: readonly { keys: string[][]; description: string }[] = [
  { keys: [["Shift", "drag"]], description: "Select with a box" },
  { keys: [["Shift", "click"]], description: "Add to or remove from the selection" },
  { keys: [["Arrow keys"]], description: "Move the selected nodes" },
  { keys: [["Right-click"]], description: "Menu for a node or the canvas" },
];

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or null. */
export function matchShortcut(e: KeyLike): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === "z") return e.shiftKey ? "redo" : "undo";
    if (key === "y" && !e.shiftKey) return "redo";
    if (e.shiftKey) return null;
    if (key === "c") return "copy";
    if (key === "x") return "cut";
    if (key === "v") return "paste";
    if (key === "d") return "duplicate";
    if (key === "a") return "selectAll";
    return null;
  }
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "Escape") return "deselect";
  if (key === "?") return "help";
  if (e.shiftKey && (e.code === "Digit1" || key === "!")) return "fitView";
  return null;
}

/** True when typing there must not trigger canvas shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  return Boolean(el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='dialog'], [role='menu']"));
}

export const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
