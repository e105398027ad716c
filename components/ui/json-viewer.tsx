"use client";

// A read-only JSON tree: objects and arrays fold open and shut with a button each (Tab to it,
// Enter or Space; aria-expanded tells screen readers), long strings and long lists are cut with a way to see the rest,
// and "Copy" puts the whole value on the clipboard. Values come from runs, so anything goes:
// undefined, huge arrays, deep nesting. A string that is a known user id shows the person's name
// (the id stays in the data, in the tooltip and in what Copy copies).
import { useState } from "react";
import { Check, ChevronRight, Copy } from "lucide-react";
import { cn } from "@/lib/utils";

const LIST_PAGE = 50;
const STRING_LIMIT = 240;

type Json = unknown;
/** User id → the name to show (lib/users/people.ts). */
type People = Record<string, string>;
const NO_PEOPLE: People = {};

function isContainer(value: Json): value is Record<string, Json> | Json[] {
  return value !== null && typeof value === "object";
}

function entriesOf(value: Record<string, Json> | Json[]): [string, Json][] {
  return Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
}

function summary(value: Record<string, Json> | Json[]): string {
  const n = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (Array.isArray(value)) return `[${n} ${n === 1 ? "item" : "items"}]`;
  return `{${n} ${n === 1 ? "key" : "keys"}}`;
}

function Primitive({ value, people }: { value: Json; people: People }) {
  const [full, setFull] = useState(false);
  const person = typeof value === "string" ? people[value.toLowerCase()] : undefined;
  if (person) {
    return (
      <span title={`User id ${value as string}`} data-testid="person-name" className="rounded bg-accent-50 px-1 font-sans text-accent-700 dark:bg-accent-500/15 dark:text-accent-100">
        {person}
      </span>
    );
  }
  if (value === undefined) return <span className="italic text-zinc-400">undefined</span>;
  if (value === null) return <span className="text-zinc-500">null</span>;
  if (typeof value === "number") return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-violet-700 dark:text-violet-300">{String(value)}</span>;
  const text = String(value);
  const long = text.length > STRING_LIMIT;
  return (
    <span className="whitespace-pre-wrap break-words text-emerald-700 dark:text-emerald-300">
      &quot;{long && !full ? `${text.slice(0, STRING_LIMIT)}…` : text}&quot;
      {long && (
        <button type="button" onClick={() => setFull((f) => !f)} className="ml-2 rounded px-1 text-xs text-accent-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500">
          {full ? "show less" : `show all ${text.length} characters`}
        </button>
      )}
    </span>
  );
}

function Node({ name, value, depth, openDepth, people }: { name: string | null; value: Json; depth: number; openDepth: number; people: People }) {
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(LIST_PAGE);
  const label = name !== null && <span className="text-zinc-600 dark:text-zinc-400">{name}: </span>;
  if (!isContainer(value)) {
    return (
      <div className="py-px pl-5">
        {label}
        <Primitive value={value} people={people} />
      </div>
    );
  }
  const entries = entriesOf(value);
  if (entries.length === 0) {
    return (
      <div className="py-px pl-5">
        {label}
        <span className="text-zinc-500">{Array.isArray(value) ? "[]" : "{}"}</span>
      </div>
    );
  }
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1 rounded py-px text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800"
      >
        <ChevronRight aria-hidden className={cn("size-4 shrink-0 text-zinc-400 transition-transform", open && "rotate-90")} />
        {label}
        <span className="text-zinc-500">{summary(value)}</span>
      </button>
      {open && (
        <div className="ml-2 border-l border-zinc-200 pl-2 dark:border-zinc-800">
          {entries.slice(0, shown).map(([key, child]) => (
            <Node key={key} name={key} value={child} depth={depth + 1} openDepth={openDepth} people={people} />
          ))}
          {entries.length > shown && (
            <button type="button" onClick={() => setShown((s) => s + LIST_PAGE * 4)} className="ml-5 rounded px-1 text-xs text-accent-600 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500">
              Show {Math.min(LIST_PAGE * 4, entries.length - shown)} more of {entries.length - shown}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function CopyButton({ value }: { value: Json }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(JSON.stringify(value, null, 2) ?? "undefined");
      setCopied(true);
      setTimeout(() => setCopied(false), 1_500);
    } catch {
      setCopied(false);
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      className="absolute right-2 top-2 inline-flex items-center gap-1 rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

/**
 * Shows any JSON value as a tree. `openDepth` levels start unfolded (1: the top level's keys).
 * `label` names the tree for screen readers ("Output of Fetch order"); `people` names user ids.
 */
export function JsonViewer({ value, label, openDepth = 2, className, people = NO_PEOPLE }: { value: Json; label: string; openDepth?: number; className?: string; people?: People }) {
  return (
    <div className={cn("relative rounded-lg border border-zinc-200 bg-zinc-50 p-3 pr-20 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950", className)} data-testid="json-viewer">
      <div role="group" aria-label={label} className="max-h-96 overflow-auto">
        <Node name={null} value={value} depth={0} openDepth={openDepth} people={people} />
      </div>
      <CopyButton value={value} />
    </div>
  );
}
