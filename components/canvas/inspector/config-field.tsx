"use client";
// One field of a config form: label, the control its schema calls for, and its messages.
// Objects, lists and unions recurse into ConfigField for their parts.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { pathKey, type Path } from "./config-paths";
import { emptyValue, newItem, optionLabel, singular, type FieldSpec, type ObjectField } from "./describe-schema";
import { FieldLabel, FieldMessages, Group, controlClass } from "./field-parts";
import { fieldId, useConfigForm } from "./form-context";
import { CredentialPicker } from "./credential-picker";
import { BooleanControl, EnumControl, JsonControl, KnownValueControl, NumberControl, TextControl } from "./scalar-controls";

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function ConfigField({ field, path, value, readOnlyValue }: { field: ObjectField; path: Path; value: unknown; readOnlyValue?: boolean }) {
  const form = useConfigForm();
  const key = pathKey(path);
  const id = fieldId(form.idPrefix, path);
  const messagesId = `${id}-messages`;
  const errors = form.issues.get(key);
  const invalid = Boolean(errors?.length);
  const blank = form.blankRequired.has(key) && (value === "" || (Array.isArray(value) && value.length === 0));
  const hint = blank ? "Fill this in: there is no sensible default." : undefined;
  const { spec } = field;
  const change = (next: unknown) => form.change(path, next);
  const props = { id, pathKey: key, value, optional: field.optional, invalid, describedBy: messagesId, onChange: change };
  // A list of known values replaces the plain text box, except where the field holds an expression.
  const known = form.expressions.has(key) ? undefined : form.knownValues[key];

  if (readOnlyValue) {
    return (
      <div data-field={key}>
        <FieldLabel htmlFor={id}>{field.label}</FieldLabel>
        <input id={id} readOnly value={typeof value === "string" ? value : JSON.stringify(value)} className={cn(controlClass, "bg-zinc-50 font-mono text-xs text-zinc-500 dark:bg-zinc-800")} />
        <FieldMessages id={messagesId} errors={errors} />
      </div>
    );
  }
  if (spec.kind === "object" || spec.kind === "union") {
    const present = value !== undefined;
    return (
      <div data-field={key}>
        {field.optional && (
          <label className="mb-2 inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={present}
              disabled={form.readOnly}
              onChange={(e) => change(e.target.checked ? emptyValue(spec) : undefined)}
              className="size-4 accent-accent-600"
            />
            {field.label}
          </label>
        )}
        {present && (
          <Group legend={field.optional ? "Settings" : field.label}>
            {spec.kind === "object" ? <ObjectFields fields={spec.fields} path={path} value={value} /> : <UnionFields spec={spec} path={path} value={value} />}
          </Group>
        )}
        <FieldMessages id={messagesId} errors={errors} />
      </div>
    );
  }
  if (spec.kind === "array") {
    return (
      <div data-field={key}>
        <ArrayField field={field} spec={spec} path={path} value={Array.isArray(value) ? value : []} />
        <FieldMessages id={messagesId} errors={errors} hint={hint} />
      </div>
    );
  }
  return (
    <div data-field={key}>
      {spec.kind !== "boolean" && (
        <FieldLabel htmlFor={id} optional={field.optional}>
          {field.label}
        </FieldLabel>
      )}
      {spec.kind === "text" && field.key === "credentialId" && (
        <CredentialPicker id={id} nodeType={form.nodeType} value={value} readOnly={form.readOnly} describedBy={messagesId} onChange={change} />
      )}
      {spec.kind === "text" && field.key !== "credentialId" && known && <KnownValueControl {...props} spec={spec} known={known} label={field.label} />}
      {spec.kind === "text" && field.key !== "credentialId" && !known && <TextControl {...props} spec={spec} />}
      {spec.kind === "number" && <NumberControl {...props} spec={spec} />}
      {spec.kind === "boolean" && <BooleanControl {...props} spec={spec} label={field.label} />}
      {spec.kind === "enum" && <EnumControl {...props} spec={spec} />}
      {spec.kind === "json" && <JsonControl {...props} spec={spec} />}
      <FieldMessages id={messagesId} errors={errors} hint={hint} />
    </div>
  );
}

export function ObjectFields({ fields, path, value, inList }: { fields: readonly ObjectField[]; path: Path; value: unknown; inList?: boolean }) {
  const record = asRecord(value);
  return (
    <>
      {fields.map((f) => (
        // Ids inside list items name handles and edges: shown, not edited.
        <ConfigField key={f.key} field={f} path={[...path, f.key]} value={record[f.key]} readOnlyValue={inList && f.key === "id"} />
      ))}
    </>
  );
}

function UnionFields({ spec, path, value }: { spec: Extract<FieldSpec, { kind: "union" }>; path: Path; value: unknown }) {
  const form = useConfigForm();
  const record = asRecord(value);
  const tag = typeof record[spec.discriminator] === "string" ? (record[spec.discriminator] as string) : "";
  const option = spec.options.find((o) => o.value === tag);
  const id = fieldId(form.idPrefix, [...path, spec.discriminator]);
  return (
    <>
      <div>
        <FieldLabel htmlFor={id}>Mode</FieldLabel>
        <select
          id={id}
          value={tag}
          disabled={form.readOnly}
          onChange={(e) => {
            const next = spec.options.find((o) => o.value === e.target.value);
            if (next) form.change(path, { [spec.discriminator]: next.value, ...(emptyValue({ kind: "object", fields: next.fields }) as object) });
          }}
          className={controlClass}
        >
          {!option && <option value="">Choose…</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {optionLabel(o.value)}
            </option>
          ))}
        </select>
      </div>
      {option && <ObjectFields fields={option.fields} path={path} value={value} />}
    </>
  );
}

function ArrayField({ field, spec, path, value }: { field: ObjectField; spec: Extract<FieldSpec, { kind: "array" }>; path: Path; value: unknown[] }) {
  const form = useConfigForm();
  const itemLabel = singular(field.label);
  const full = spec.maxItems !== undefined && value.length >= spec.maxItems;
  const move = (from: number, to: number) => {
    const next = value.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    form.change(path, next);
  };
  return (
    <Group legend={field.label}>
      {value.length === 0 && <p className="text-xs text-zinc-500">None yet.</p>}
      {value.map((item, index) => (
        <div key={index} data-testid="list-item" className={cn(spec.item.kind === "object" && "rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/50")}>
          <div className="flex items-start gap-1">
            <div className="min-w-0 flex-1 space-y-2">
              {spec.item.kind === "object" ? (
                <ObjectFields fields={spec.item.fields} path={[...path, index]} value={item} inList />
              ) : (
                <ConfigField field={{ key: String(index), label: `${itemLabel} ${index + 1}`, optional: false, spec: spec.item }} path={[...path, index]} value={item} />
              )}
            </div>
            {!form.readOnly && (
              <div className="flex shrink-0 flex-col">
                <IconButton label={`Move ${itemLabel.toLowerCase()} ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)} icon={ArrowUp} />
                <IconButton label={`Move ${itemLabel.toLowerCase()} ${index + 1} down`} disabled={index === value.length - 1} onClick={() => move(index, index + 1)} icon={ArrowDown} />
                <IconButton label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => form.change(path, value.filter((_, i) => i !== index))} icon={Trash2} />
              </div>
            )}
          </div>
        </div>
      ))}
      {!form.readOnly && (
        <Button variant="secondary" size="sm" disabled={full} onClick={() => form.change(path, [...value, newItem(spec.item, field.key, value)])}>
          <Plus aria-hidden className="size-3.5" /> Add {itemLabel.toLowerCase()}
        </Button>
      )}
    </Group>
  );
}

function IconButton({ label, onClick, icon: Icon, disabled }: { label: string; onClick: () => void; icon: typeof Plus; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-30 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
    >
      <Icon aria-hidden className="size-3.5" />
    </button>
  );
}
