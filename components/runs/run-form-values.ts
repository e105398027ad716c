// The run dialog's form values (what inputs hold: text and checkboxes) turned into the run
// input the start node declares: numbers parsed, objects read as JSON. The declared rules are
// then checked by checkRunInput, the same function the server uses.
import { checkRunInput, type InputField, type RunInputCheck } from "@/lib/runtime/run-input";

export type RunFormValues = Record<string, string | boolean>;

export function emptyRunFormValues(fields: readonly InputField[]): RunFormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.type === "boolean" ? false : ""]));
}

function convert(field: InputField, raw: string | boolean): { value: unknown } | { error: string } {
  const label = field.label?.trim() || field.name;
  if (typeof raw === "boolean" || field.type === "boolean") return { value: Boolean(raw) };
  const textValue = raw.trim();
  if (textValue === "") return { value: undefined };
  if (field.type === "number") {
    const n = Number(textValue);
    return Number.isFinite(n) ? { value: n } : { error: `${label} must be a number` };
  }
  if (field.type === "object") {
    try {
      return { value: JSON.parse(textValue) as unknown };
    } catch {
      return { error: `${label} must be JSON, e.g. {"key": "value"}` };
    }
  }
  return { value: field.type === "string" ? raw : textValue };
}

export function runInputFromForm(fields: readonly InputField[], values: RunFormValues): RunInputCheck {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const converted = convert(field, values[field.name] ?? "");
    if ("error" in converted) errors[field.name] = [converted.error];
    else if (converted.value !== undefined) input[field.name] = converted.value;
  }
  const checked = checkRunInput(fields, input);
  if (Object.keys(errors).length === 0) return checked;
  const all = { ...(checked.ok ? {} : checked.errors), ...errors };
  return { ok: false, message: `The run input was refused: ${Object.values(all)[0][0]}.`, errors: all };
}
