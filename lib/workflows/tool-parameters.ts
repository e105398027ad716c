// A published workflow's Start fields as the JSON Schema of a tool's arguments, for AI models
// (agent steps) and outside assistants (/api/mcp). The run input is still checked by
// checkRunInput (lib/runtime/run-input.ts) when the run starts: this schema only tells the model
// what to send, in the same words the Run dialog uses.
import type { ToolParameters } from "@/lib/ai/agent/tool";
import type { InputField } from "@/lib/runtime/run-input";

const DATE_HINT = "A date: YYYY-MM-DD or an ISO date-time.";

function propertyOf(field: InputField): Record<string, unknown> {
  const title = field.label?.trim() || undefined;
  const description = [field.description?.trim(), field.type === "date" ? DATE_HINT : ""].filter(Boolean).join(" ") || undefined;
  const base = { ...(title ? { title } : {}), ...(description ? { description } : {}) };
  switch (field.type) {
    case "number":
      return { type: "number", ...base };
    case "boolean":
      return { type: "boolean", ...base };
    case "date":
      return { type: "string", ...base };
    case "object":
      return { type: "object", ...base };
    default:
      return { type: "string", maxLength: 100_000, ...base };
  }
}

export function toolParametersOf(fields: readonly InputField[]): ToolParameters {
  const properties = Object.fromEntries(fields.map((f) => [f.name, propertyOf(f)]));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}
