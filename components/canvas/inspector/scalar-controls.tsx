"use client";
// Inputs for single values: text (or an expression), number, on/off, choice, raw JSON.
import { useState } from "react";
import { cn } from "@/lib/utils";
import { controlClass } from "./field-parts";
import { ExpressionInput } from "./expression-input";
import { ExpressionPreview } from "./expression-preview";
import { useConfigForm } from "./form-context";
import type { FieldSpec } from "./describe-schema";

export interface ControlProps<S extends FieldSpec = FieldSpec> {
  id: string;
  pathKey: string;
  spec: S;
  value: unknown;
  optional: boolean;
  invalid: boolean;
  describedBy: string;
  onChange: (value: unknown) => void;
}

export function TextControl({ id, pathKey, spec, value, optional, invalid, describedBy, onChange }: ControlProps<Extract<FieldSpec, { kind: "text" }>>) {
  const form = useConfigForm();
  const text = typeof value === "string" ? value : "";
  // An optional text left empty is removed: "absent" is what the schema means by "none".
  const set = (next: string) => onChange(optional && next === "" ? undefined : next);
  const max = spec.maxLength ?? 0;
  const multiline = max >= 10_000;
  const code = max >= 50_000;
  const kind = form.expressions.get(pathKey);
  if (kind) {
    return (
      <>
        <ExpressionInput
          id={id}
          value={text}
          kind={kind}
          multiline={multiline}
          invalid={invalid}
          describedBy={describedBy}
          disabled={form.readOnly}
          suggestions={form.suggestions}
          onChange={set}
        />
        {/* A condition is read as true or false, as the engine reads it. */}
        <ExpressionPreview id={id} nodeId={form.nodeId} source={text} kind={kind === "jsonata" && /(^|\.)condition$/.test(pathKey) ? "condition" : kind} />
      </>
    );
  }
  const common = {
    id,
    value: text,
    disabled: form.readOnly,
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    maxLength: spec.maxLength,
    spellCheck: !code,
    className: cn(controlClass, code && "font-mono text-[13px]"),
  };
  return multiline ? (
    <textarea rows={code ? 8 : 3} {...common} onChange={(e) => set(e.target.value)} />
  ) : (
    <input type="text" {...common} onChange={(e) => set(e.target.value)} />
  );
}

/** Keeps what is typed ("1.", "-") locally and stores only numbers; empty stores nothing. */
export function NumberControl({ id, spec, value, invalid, describedBy, onChange }: ControlProps<Extract<FieldSpec, { kind: "number" }>>) {
  const form = useConfigForm();
  const stored = typeof value === "number" ? String(value) : "";
  const [draft, setDraft] = useState<{ text: string; from: string } | null>(null);
  const text = draft && draft.from === stored ? draft.text : stored;
  const bad = text.trim() !== "" && !Number.isFinite(Number(text));
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={spec.integer ? "numeric" : "decimal"}
        value={text}
        disabled={form.readOnly}
        aria-invalid={invalid || bad}
        aria-describedby={describedBy}
        placeholder={spec.min !== undefined && spec.max !== undefined ? `${spec.min}–${spec.max}` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const n = Number(next);
          if (next.trim() === "") {
            setDraft({ text: next, from: "" });
            onChange(undefined);
          } else if (Number.isFinite(n)) {
            setDraft({ text: next, from: String(n) });
            onChange(n);
          } else setDraft({ text: next, from: stored });
        }}
        className={controlClass}
      />
      {bad && <p className="mt-1 text-xs text-red-600">Enter a number</p>}
    </>
  );
}

export function BooleanControl({ id, value, describedBy, onChange, label }: ControlProps<Extract<FieldSpec, { kind: "boolean" }>> & { label: string }) {
  const form = useConfigForm();
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        disabled={form.readOnly}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 rounded border-zinc-300 accent-accent-600"
      />
      {label}
    </label>
  );
}

export function EnumControl({ id, spec, value, optional, invalid, describedBy, onChange }: ControlProps<Extract<FieldSpec, { kind: "enum" }>>) {
  const form = useConfigForm();
  const current = typeof value === "string" ? value : "";
  const hint = spec.hints?.[current];
  const hintId = `${id}-hint`;
  return (
    <>
      <select
        id={id}
        value={current}
        disabled={form.readOnly}
        aria-invalid={invalid}
        aria-describedby={hint ? `${describedBy} ${hintId}` : describedBy}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        className={controlClass}
      >
        {(optional || !spec.options.includes(current)) && <option value="">{optional ? "None" : "Choose…"}</option>}
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {spec.labels[o] ?? o}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      )}
    </>
  );
}

/**
 * A text field with values known to fit (the AI step's models for its provider): a choice of
 * those, plus "Other…" for an id of one's own, which keeps a plain text box. A value that is not
 * in the list (typed, imported, or left from another provider) shows in that box, so it is
 * never silently replaced.
 */
export function KnownValueControl({
  id,
  value,
  optional,
  invalid,
  describedBy,
  onChange,
  known,
  label,
}: ControlProps<Extract<FieldSpec, { kind: "text" }>> & { known: readonly string[]; label: string }) {
  const form = useConfigForm();
  const text = typeof value === "string" ? value : "";
  const listed = known.includes(text);
  const [other, setOther] = useState(false);
  const custom = other || (!listed && text !== "");
  const set = (next: string) => onChange(optional && next === "" ? undefined : next);
  return (
    <div className="space-y-1.5">
      <select
        id={id}
        value={custom ? OTHER : text}
        disabled={form.readOnly}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          if (e.target.value === OTHER) setOther(true);
          else {
            setOther(false);
            set(e.target.value);
          }
        }}
        className={controlClass}
      >
        {!custom && !listed && <option value="">Choose…</option>}
        {known.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
        <option value={OTHER}>Other…</option>
      </select>
      {custom && (
        <input
          type="text"
          aria-label={`${label} of your own`}
          data-testid={`${id}-other`}
          value={text}
          disabled={form.readOnly}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          placeholder="Type the id exactly as the provider names it"
          onChange={(e) => set(e.target.value)}
          className={controlClass}
        />
      )}
    </div>
  );
}

/** The "Other…" entry's value: not a model id anyone uses. */
const OTHER = "(other)";

/** Anything the form cannot draw: edited as JSON, stored once it parses. */
export function JsonControl({ id, value, invalid, describedBy, onChange }: ControlProps) {
  const form = useConfigForm();
  const stored = JSON.stringify(value ?? null, null, 2);
  const [draft, setDraft] = useState<{ text: string; from: string } | null>(null);
  const text = draft && draft.from === stored ? draft.text : stored;
  let error: string | null = null;
  try {
    JSON.parse(text);
  } catch (e) {
    error = e instanceof Error ? e.message : "Invalid JSON";
  }
  return (
    <>
      <textarea
        id={id}
        rows={6}
        value={text}
        spellCheck={false}
        disabled={form.readOnly}
        aria-invalid={invalid || Boolean(error)}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          try {
            const parsed: unknown = JSON.parse(next);
            setDraft({ text: next, from: JSON.stringify(parsed ?? null, null, 2) });
            onChange(parsed);
          } catch {
            setDraft({ text: next, from: stored });
          }
        }}
        className={cn(controlClass, "font-mono text-[13px]")}
      />
      {error && <p className="mt-1 text-xs text-red-600">Not valid JSON yet: {error}</p>}
    </>
  );
}
