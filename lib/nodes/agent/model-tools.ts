// The agent's tools as the AI SDK takes them: name, description and JSON Schema, with no
// `execute` (the agent loop runs tools itself, so every call is timed, limited and recorded the
// same way). Arguments are checked against the schema with zod's JSON Schema import; a call that
// does not match comes back from the SDK as an invalid tool call, which the loop answers with an
// error result.
import "server-only";
import { jsonSchema, tool, type OutputInterface, type ToolSet as SdkToolSet } from "ai";
import { z } from "zod";
import type { AgentTool } from "@/lib/ai/agent/tool";
import { describeIssues } from "@/lib/ai/output-schema";

function validatorOf(schema: Record<string, unknown>): z.ZodType | null {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot import is passed on unchecked: the tool itself will refuse bad arguments.
    return null;
  }
}

export function sdkTools(tools: readonly AgentTool[]): SdkToolSet {
  const out: SdkToolSet = {};
  for (const t of tools) {
    const validator = validatorOf(t.parameters);
    out[t.name] = tool({
      description: t.description,
      inputSchema: jsonSchema<Record<string, unknown>>(t.parameters as Parameters<typeof jsonSchema>[0], {
        validate: (value) => {
          if (!validator) return { success: true, value: value as Record<string, unknown> };
          const result = validator.safeParse(value);
          return result.success
            ? { success: true, value: result.data as Record<string, unknown> }
            : { success: false, error: new Error(`the arguments do not match the tool's parameters: ${describeIssues(result.error)}`) };
        },
      }),
    });
  }
  return out;
}

/**
 * Asks the provider for JSON following the schema (its response format), but leaves the text as
 * it is: the loop checks it itself, so a bad answer gets one repair turn instead of a throw.
 */
export function jsonResponse(schema: Record<string, unknown>): OutputInterface<string, string, never> {
  return {
    name: "agent-json",
    responseFormat: Promise.resolve({ type: "json", schema: schema as never }),
    parseCompleteOutput: async ({ text }) => text,
    parsePartialOutput: async () => undefined,
    createElementStreamTransform: () => undefined,
  };
}
