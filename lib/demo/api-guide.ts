// The demo's agent, working offline with the Simulated provider and all three kinds of tool:
// an HTTP tool that reads this app's own API reference (GET /api/v1/openapi.json, public), a
// published workflow ("Look up an expense policy", run as a child of the agent's run), and the
// tools of this app's own MCP endpoint (/api/mcp, with the demo designer's own API key in a bearer
// credential), limited to "Mileage allowance". The goal names the three tools word for word,
// so the Simulated provider calls each once and then answers (lib/ai/simulated-tools.ts). The
// address is the app's own (NEXTAUTH_URL, which `npm start` sets), fixed when the demo is seeded.
import { link, step } from "@/lib/workflows/templates/build";
import type { WorkflowGraph } from "@/lib/workflow/types";
import { EXPENSE_POLICY_TOOL, MILEAGE_TOOL } from "./tool-workflows";

export const API_GUIDE_NAME = "Expense helper (agent)";
export const API_REFERENCE_TOOL = "read_api_reference";

export interface AgentToolTargets {
  /** The app's address; the HTTP and MCP tools call it. */
  origin?: string;
  /** The published "Look up an expense policy" workflow. */
  expensePolicyId: string;
  /** The bearer credential holding an API key for /api/mcp. */
  mcpCredentialId: string;
}

export function apiGuideGraph({ origin = process.env.NEXTAUTH_URL ?? "http://localhost:3000", expensePolicyId, mcpCredentialId }: AgentToolTargets): WorkflowGraph {
  const base = origin.replace(/\/+$/, "");
  return {
    nodes: [
      step("start", "start", [0, 0], "Question asked", {
        fields: [
          {
            name: "question",
            label: "Expense question",
            type: "string",
            required: true,
            description: "For example: Team dinner after driving 120 km to a client: what may I claim, and how do I file it?",
          },
        ],
      }),
      step("agent", "agent", [1, 0], "Check the policy, the mileage and the API", {
        provider: "simulated",
        model: "simulated",
        systemPrompt: "You help employees with expense claims. Check the company's policy and allowances with your tools, and say how to file the claim through the Switchyard REST API.",
        goal:
          `Help with this expense question: {{ question }}. Check the limit with ${EXPENSE_POLICY_TOOL}, ` +
          `work out the mileage with ${MILEAGE_TOOL}, and find how to start a run through the REST API with ${API_REFERENCE_TOOL}.`,
        tools: [
          {
            kind: "http",
            name: API_REFERENCE_TOOL,
            description: "Reads the Switchyard REST API reference (OpenAPI 3.1): paths, methods and what they take and return",
            parameters: JSON.stringify({ type: "object", properties: { topic: { type: "string", description: "What to look for" } } }),
            method: "GET",
            url: `${base}/api/v1/openapi.json`,
            headers: [],
            body: "",
            timeoutMs: 10_000,
          },
          { kind: "workflow", workflowId: expensePolicyId },
          { kind: "mcp", name: "Switchyard (this app)", url: `${base}/api/mcp`, transport: "streamable-http", credentialId: mcpCredentialId, only: [MILEAGE_TOOL] },
        ],
        maxToolCalls: 5,
        maxTokens: 50_000,
        timeoutMs: 60_000,
        outputMode: "text",
      }),
      step("end", "end", [2, 0], "Answered", { outputMapping: [{ key: "answer", expression: "text" }, { key: "toolCalls", expression: "toolCalls" }] }),
    ],
    edges: [link("start", "agent"), link("agent", "end", { handle: "out" })],
  };
}
