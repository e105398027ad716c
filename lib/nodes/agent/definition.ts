// An agent: a language model that works toward a goal by calling tools (HTTP requests described
// here, published workflows, the tools of an MCP server) until it can answer, within limits on
// tool calls, tokens and time. The answer is text or JSON following a schema.
import { z } from "zod";
import { configObject, isHttpUrl, isRecord, optionalRef, positiveOr, requiredTemplate, requiredText, template, textOf, wholeNumber } from "../fields";
import { expressionsAt } from "../expression-paths";
import { errorHandle, inputHandle } from "../handles";
import { hasPlaceholders } from "@/lib/expressions";
import { httpHeader, httpMethods, isPlaceholderUrl } from "../action/definition";
import { checkModel, checkOutput, jsonSchemaProblem, modelFields, modelKnownValues, outputFields } from "../ai/model-config";
import type { NodeDefinition } from "../types";

/** What the model calls a tool: the providers' rule for function names. */
export const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const toolName = (label: string) =>
  requiredText(label, 64).refine((s) => s.trim() === "" || TOOL_NAME.test(s), { error: `${label} may use only letters, digits, _ and - (at most 64)` });

/** The parameters of an HTTP tool: a JSON Schema of an object, as text, or empty for none. */
export function toolParametersProblem(text: string): string | null {
  if (text.trim() === "") return null;
  const problem = jsonSchemaProblem(text, "Parameters");
  if (problem) return problem;
  const schema = JSON.parse(text) as Record<string, unknown>;
  if (schema.type !== undefined && schema.type !== "object") return 'Parameters must be a JSON Schema of "type": "object" (the model passes named arguments)';
  return null;
}

const httpTool = z.object({
  kind: z.literal("http"),
  name: toolName("Tool name"),
  description: requiredText("Description", 2_000),
  /** JSON Schema (text) of the arguments; a template may read them as {{ args.<name> }}. */
  parameters: template("Parameters (JSON Schema)", 20_000).superRefine((text, ctx) => {
    const problem = toolParametersProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  method: z.enum(httpMethods, { error: `Method must be one of: ${httpMethods.join(", ")}` }).describe("Method"),
  url: requiredText("URL", 4_000).refine((s) => s.trim() === "" || hasPlaceholders(s) || isHttpUrl(s.trim()), { error: "URL must start with http:// or https://" }),
  headers: z.array(httpHeader, { error: "Headers must be a list" }).max(50, { error: "At most 50 headers" }),
  body: template("Body", 100_000),
  credentialId: optionalRef("Credential"),
  timeoutMs: wholeNumber("Timeout", 100, 300_000, " ms"),
});

const workflowTool = z.object({
  kind: z.literal("workflow"),
  workflowId: requiredText("Workflow", 100),
});

/** What MCP allows in a tool's name (the SDK's own check), so a server's "text.upper" can be chosen. */
const MCP_TOOL_NAME = /^[A-Za-z0-9._-]{1,128}$/;

const mcpToolName = requiredText("Tool", 128).refine((s) => s.trim() === "" || MCP_TOOL_NAME.test(s), {
  error: "Tool may use only letters, digits, _, - and . (at most 128), as MCP tool names do",
});

const mcpTool = z.object({
  kind: z.literal("mcp"),
  name: requiredText("Server name", 100),
  url: requiredText("Server URL", 4_000).refine((s) => s.trim() === "" || isHttpUrl(s.trim()), { error: "Server URL must start with http:// or https://" }),
  transport: z.enum(["streamable-http", "sse"], { error: "Transport must be streamable-http or sse" }).meta({
    description: "Transport",
    optionLabels: { "streamable-http": "Streamable HTTP", sse: "SSE (older servers)" },
  }),
  credentialId: optionalRef("Credential"),
  /** Only these of the server's tools; all of them when empty or absent. */
  only: z.array(mcpToolName, { error: "Only must be a list of tool names" }).max(100, { error: "At most 100 tools" }).optional(),
});

export const agentTool = z.discriminatedUnion("kind", [httpTool, workflowTool, mcpTool], { error: "Each tool must be an HTTP, workflow or MCP tool" });
export type AgentToolConfig = z.infer<typeof agentTool>;
export type HttpToolConfig = z.infer<typeof httpTool>;

export const agentConfigSchema = configObject({
  ...modelFields,
  systemPrompt: template("System prompt"),
  goal: requiredTemplate("Goal"),
  tools: z.array(agentTool, { error: "Tools must be a list" }).max(20, { error: "At most 20 tool entries" }),
  maxToolCalls: wholeNumber("Max tool calls", 1, 100),
  /** All the step's model calls together, input and output: the step fails rather than spend more. */
  maxTokens: wholeNumber("Max tokens (all calls)", 100, 2_000_000),
  /** The whole step, model calls and tools together. Named like other steps' timeouts, so the runtime enforces it too. */
  timeoutMs: wholeNumber("Time limit", 1_000, 900_000, " ms"),
  ...outputFields,
}).superRefine((config, ctx) => {
  checkModel(config, ctx);
  checkOutput(config, ctx);
  // Tool names the model sees must be unique; HTTP tools are named here (workflow and MCP tools by their source).
  const seen = new Set<string>();
  for (const [i, tool] of config.tools.entries()) {
    const key = tool.kind === "http" ? `http:${tool.name}` : tool.kind === "workflow" ? `workflow:${tool.workflowId}` : `mcp:${tool.url.trim()}`;
    if (seen.has(key)) {
      const [path, what] = tool.kind === "http" ? ["name", `Tool name "${tool.name}" is`] : tool.kind === "workflow" ? ["workflowId", "This workflow is"] : ["url", "This MCP server is"];
      ctx.addIssue({ code: "custom", path: ["tools", i, path], message: `${what} used more than once` });
    }
    seen.add(key);
  }
  for (const [i, tool] of config.tools.entries()) {
    if (tool.kind === "http" && (tool.method === "GET" || tool.method === "HEAD") && tool.body.trim() !== "") {
      ctx.addIssue({ code: "custom", path: ["tools", i, "body"], message: `A ${tool.method} request cannot have a body: choose POST, PUT or PATCH, or clear the body` });
    }
  }
});

export type AgentConfig = z.infer<typeof agentConfigSchema>;

export const agentDefinition: NodeDefinition<typeof agentConfigSchema> = {
  type: "agent",
  label: "AI agent",
  description: "A language model that calls tools (HTTP, workflows, MCP) until it reaches the goal. Takes the error output when it cannot.",
  icon: "Bot",
  category: "ai",
  color: "#7c3aed",
  configSchema: agentConfigSchema,
  // The goal is left blank on purpose: only the designer knows what the agent should do.
  defaults: () => ({
    provider: "simulated",
    model: "simulated",
    systemPrompt: "You are a careful assistant in a business workflow. Use the tools when they help, then answer briefly.",
    goal: "",
    tools: [],
    maxToolCalls: 10,
    maxTokens: 50_000,
    timeoutMs: 120_000,
    outputMode: "text",
  }),
  blankRequired: ["goal"],
  inputs: [inputHandle],
  outputs: () => [{ id: "out", label: "Answer" }, errorHandle],
  // A drafted agent's HTTP or MCP tool may point at a placeholder (.invalid) the designer must replace.
  reviewHints: (config) => {
    const tools = isRecord(config) && Array.isArray(config.tools) ? config.tools : [];
    return tools.flatMap((tool, i) => {
      const url = isRecord(tool) && typeof tool.url === "string" ? tool.url.trim() : "";
      return isPlaceholderUrl(url) ? [{ path: `tools.${i}.url`, message: `tool ${i + 1}'s URL ${url} is a placeholder (.invalid never resolves): replace it with the real address` }] : [];
    });
  },
  expressions: expressionsAt([
    { pattern: "systemPrompt", kind: "template" },
    { pattern: "goal", kind: "template" },
    { pattern: "tools.*.url", kind: "template" },
    { pattern: "tools.*.headers.*.value", kind: "template" },
    { pattern: "tools.*.body", kind: "template" },
  ]),
  knownValues: modelKnownValues,
  // maxTokens is the step's budget over all its calls, so the estimate takes it once.
  aiCalls: (config) =>
    isRecord(config)
      ? { provider: textOf(config.provider), model: textOf(config.model), promptChars: textOf(config.systemPrompt).length + textOf(config.goal).length, maxTokens: positiveOr(config.maxTokens, 50_000), maxCalls: 1 }
      : null,
};
