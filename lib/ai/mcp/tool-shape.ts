// Turning an MCP tool and its results into the agent's tool shape (lib/ai/agent/tool.ts): a name
// (lib/ai/agent/tool-name.ts), a parameters object schema, and a result the model can read.
import type { ToolOutcome, ToolParameters } from "@/lib/ai/agent/tool";

/** MCP requires an object schema already; a server that sends none gets an empty object. */
export function toolParameters(schema: { type?: unknown; properties?: unknown; required?: unknown } | undefined): ToolParameters {
  if (!schema || schema.type !== "object") return { type: "object", properties: {} };
  return schema as ToolParameters;
}

interface CallResult {
  content?: unknown;
  structuredContent?: unknown;
  isError?: unknown;
  /** The pre-2024-11 protocol's answer, which some servers still send. */
  toolResult?: unknown;
}

type Block = { type?: string; text?: string; mimeType?: string; resource?: { uri?: string; text?: string }; uri?: string };

/** Text blocks as they are; other blocks as a short placeholder (the model cannot see an image's bytes). */
function textOf(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return (content as Block[])
    .map((b) => {
      if (b.type === "text") return b.text ?? "";
      if (b.type === "resource") return b.resource?.text ?? `[resource ${b.resource?.uri ?? ""}]`;
      if (b.type === "resource_link") return `[resource ${b.uri ?? ""}]`;
      return `[${b.type ?? "content"}${b.mimeType ? ` ${b.mimeType}` : ""}]`;
    })
    .join("\n");
}

/** A tools/call answer as a ToolOutcome: isError → a failure the model sees; structured content when the tool gives it. */
export function toolResult(result: CallResult, meta: Record<string, unknown>): ToolOutcome {
  if (result.content === undefined && "toolResult" in result) return { ok: true, result: result.toolResult ?? null, meta };
  const text = textOf(result.content);
  if (result.isError) return { ok: false, error: text || "the tool reported an error without a message", meta };
  return { ok: true, result: result.structuredContent ?? text, meta };
}
