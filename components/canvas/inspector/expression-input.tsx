"use client";
// A text field holding a JSONata expression or a {{ }} template: its syntax is checked as the
// user types, and typing `$` (or pressing the Variables button) lists what can be read here.
import { useId, useMemo, useRef, useState } from "react";
import { Braces } from "lucide-react";
import { checkExpression } from "@/lib/expressions";
import { cn } from "@/lib/utils";
import { controlClass } from "./field-parts";
import { applySuggestion, filterSuggestions, tokenAt, type Suggestion } from "./suggestions";

const MAX_SHOWN = 8;

export function ExpressionInput({
  id,
  value,
  kind,
  multiline,
  invalid,
  describedBy,
  disabled,
  suggestions,
  onChange,
}: {
  id: string;
  value: string;
  kind: "jsonata" | "template";
  multiline: boolean;
  invalid: boolean;
  describedBy: string;
  disabled: boolean;
  suggestions: () => Suggestion[];
  onChange: (value: string) => void;
}) {
  const listId = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState<Suggestion[]>([]);
  const [token, setToken] = useState("");
  const [active, setActive] = useState(0);
  const syntax = useMemo(() => (value.trim() === "" ? null : checkExpression(value, kind)), [value, kind]);
  const shown = useMemo(() => filterSuggestions(all, token).slice(0, MAX_SHOWN), [all, token]);

  const refresh = (text: string, cursor: number, force = false) => {
    const t = tokenAt(text, cursor).token;
    setToken(t);
    setActive(0);
    if (force || t.startsWith("$")) {
      setAll(suggestions());
      setOpen(true);
    } else setOpen(false);
  };

  const choose = (s: Suggestion) => {
    const el = ref.current;
    const cursor = el?.selectionStart ?? value.length;
    const next = applySuggestion(value, cursor, s.value, kind);
    onChange(next.text);
    setOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open || shown.length === 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(shown[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const fieldClass = cn(controlClass, "pr-8", kind === "jsonata" && "font-mono text-[13px]");
  const common = {
    id,
    ref,
    value,
    disabled,
    spellCheck: false,
    role: "combobox",
    "aria-invalid": invalid || Boolean(syntax),
    "aria-describedby": `${describedBy} ${id}-syntax`,
    "aria-autocomplete": "list" as const,
    "aria-expanded": open && shown.length > 0,
    "aria-controls": listId,
    "aria-activedescendant": open && shown.length ? `${listId}-${active}` : undefined,
    "data-expression": kind,
    onKeyDown,
    onBlur: () => setOpen(false),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    className: fieldClass,
  };

  return (
    <div className="relative">
      {multiline ? (
        // Grows with its text (where the browser supports field-sizing), up to a limit.
        <textarea rows={kind === "jsonata" ? 2 : 3} {...common} className={cn(fieldClass, "field-sizing-content min-h-16 max-h-72 wrap-anywhere")} />
      ) : (
        <input type="text" {...common} />
      )}
      {!disabled && (
        <button
          type="button"
          tabIndex={-1}
          title="Insert a variable or an upstream output"
          aria-label="Show variables"
          onMouseDown={(e) => {
            e.preventDefault();
            ref.current?.focus();
            refresh(value, ref.current?.selectionStart ?? value.length, true);
          }}
          className="absolute top-1.5 right-1.5 rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800"
        >
          <Braces aria-hidden className="size-4" />
        </button>
      )}
      {open && (
        <ul
          id={listId}
          role="listbox"
          data-testid="expression-suggestions"
          className="absolute z-20 mt-1 max-h-56 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {shown.length === 0 && <li className="px-2 py-1 text-zinc-500">Nothing to suggest here yet: add input fields to the start node, or connect steps before this one.</li>}
          {shown.map((s, i) => (
            <li
              key={s.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
              className={cn("cursor-pointer px-2 py-1", i === active && "bg-accent-50 dark:bg-accent-500/15")}
            >
              <code className="font-mono text-[12px]">{s.value}</code>
              <div className="text-zinc-500">{s.detail}</div>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-syntax`} data-testid={syntax ? "expression-error" : undefined} aria-live="polite" className={cn("mt-1 text-xs text-red-600 dark:text-red-400", !syntax && "sr-only")}>
        {syntax ? `Syntax error${syntax.position > 0 ? ` at character ${syntax.position}` : ""}: ${syntax.message}` : ""}
      </p>
    </div>
  );
}
