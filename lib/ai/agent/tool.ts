// What an agent step can call. HTTP tools (described on the node), published workflows and
// the tools of an MCP server all become this one shape, so the agent loop does not care where
// a tool comes from. Pure types: the implementations live beside their sources.

/** A JSON Schema object describing a tool's arguments (type "object" with properties). */
export type ToolParameters = { type: "object"; properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };

export type ToolKind = "http" | "workflow" | "mcp";

export type ToolOutcome =
  /** `result` is what the model is shown (JSON-serialisable); `meta` is for the transcript only (status code, child run id). */
  | { ok: true; result: unknown; meta?: Record<string, unknown> }
  /** A failure the model sees as the tool's result (it may try another way), and the transcript shows. */
  | { ok: false; error: string; meta?: Record<string, unknown> };

export interface AgentTool {
  /** Unique within one step; what the model calls it. [A-Za-z0-9_-]{1,64}. */
  name: string;
  description: string;
  parameters: ToolParameters;
  kind: ToolKind;
  /** Where it comes from, for people: "HTTP GET api.example.com", "workflow Expense claim", "MCP server Files". */
  source: string;
  call(args: Record<string, unknown>, signal: AbortSignal): Promise<ToolOutcome>;
}

/** Tools that hold a connection (an MCP session) are closed when the step ends, whatever happened. */
export interface ToolSet {
  tools: AgentTool[];
  close(): Promise<void>;
}
