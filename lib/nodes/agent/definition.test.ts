import { describe, expect, it } from "vitest";
import { agentConfigSchema, agentDefinition, type AgentConfig } from "./definition";

const httpTool = {
  kind: "http" as const,
  name: "lookup_order",
  description: "Looks up an order",
  parameters: JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }),
  method: "GET" as const,
  url: "https://orders.example.com/{{ args.id }}",
  headers: [],
  body: "",
  timeoutMs: 10_000,
};

function valid(overrides: Partial<AgentConfig> = {}): AgentConfig {
  return { ...agentDefinition.defaults(), goal: "Find order {{ id }}", tools: [httpTool], ...overrides };
}

const problems = (config: unknown) => {
  const result = agentConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the agent step's settings", () => {
  it("accepts HTTP, workflow and MCP tools, and defaults to 10 tool calls", () => {
    expect(agentDefinition.defaults().maxToolCalls).toBe(10);
    const config = valid({
      tools: [httpTool, { kind: "workflow", workflowId: "wf-1" }, { kind: "mcp", name: "Files", url: "https://mcp.example.com/mcp", transport: "streamable-http", only: ["read_file"] }],
    });
    expect(problems(config)).toEqual([]);
  });

  it("requires a goal, and checks provider and model together like the AI step", () => {
    expect(problems(valid({ goal: " " }))).toEqual(["goal: Goal is required"]);
    expect(problems(valid({ provider: "openai", model: "simulated" }))).toEqual([expect.stringMatching(/^model: Model "simulated" belongs to Simulated/)]);
    expect(problems(valid({ provider: "openai-compatible", model: "llama3.2" }))).toEqual(["baseUrl: Base URL is required for an OpenAI-compatible provider"]);
  });

  it("says what is wrong with a tool, where", () => {
    const bad = valid({
      tools: [
        { ...httpTool, name: "look up!" },
        { ...httpTool, parameters: "{ nope" },
        { ...httpTool, name: "as_array", parameters: JSON.stringify({ type: "array" }) },
        { ...httpTool, name: "with_body", body: "{}" },
      ],
    });
    expect(problems(bad)).toEqual([
      "tools.0.name: Tool name may use only letters, digits, _ and - (at most 64)",
      expect.stringMatching(/^tools\.1\.parameters: Parameters is not valid JSON/),
      'tools.2.parameters: Parameters must be a JSON Schema of "type": "object" (the model passes named arguments)',
      "tools.3.body: A GET request cannot have a body: choose POST, PUT or PATCH, or clear the body",
    ]);
  });

  it("refuses two HTTP tools with one name and an MCP server that is not an http(s) URL", () => {
    expect(problems(valid({ tools: [httpTool, { ...httpTool }] }))).toEqual(['tools.1.name: Tool name "lookup_order" is used more than once']);
    expect(problems(valid({ tools: [{ kind: "mcp", name: "Files", url: "ftp://files", transport: "sse" }] }))).toEqual(["tools.0.url: Server URL must start with http:// or https://"]);
    expect(problems(valid({ tools: [{ kind: "smtp" } as never] }))).toEqual([expect.stringMatching(/^tools\.0/)]);
  });

  it("lets an MCP server's tools be chosen by MCP's names (dots allowed), not only the model's", () => {
    const mcp = { kind: "mcp", name: "Files", url: "https://mcp.example.com/mcp", transport: "streamable-http" } as const;
    expect(problems(valid({ tools: [{ ...mcp, only: ["text.upper", "read_file"] }] }))).toEqual([]);
    expect(problems(valid({ tools: [{ ...mcp, only: ["read file!"] }] }))).toEqual(["tools.0.only.0: Tool may use only letters, digits, _, - and . (at most 128), as MCP tool names do"]);
  });

  it("keeps the limits in range and needs a schema for JSON answers", () => {
    expect(problems(valid({ maxToolCalls: 0 }))).toEqual(["maxToolCalls: Max tool calls must be at least 1"]);
    expect(problems(valid({ outputMode: "json" }))).toEqual(["jsonSchema: JSON schema is required when the output is JSON"]);
    expect(problems(valid({ outputMode: "json", jsonSchema: "[1]" }))).toEqual(["jsonSchema: JSON schema must be a JSON object"]);
  });

  it("lists the templates of the goal and of the HTTP tools for the expression checks", () => {
    const paths = agentDefinition.expressions!(valid({ tools: [{ ...httpTool, headers: [{ key: "X-Id", value: "{{ args.id }}" }], method: "POST", body: "{{ args }}" }] })).map((x) => x.path);
    expect(paths).toEqual(["systemPrompt", "goal", "tools.0.url", "tools.0.headers.0.value", "tools.0.body"]);
  });
});
