// A demo workflow with an agent step that works offline: the simulated provider chooses its one
// HTTP tool, which reads this app's own API reference (GET /api/v1/openapi.json, public), and
// answers from what came back. The address is the app's own (NEXTAUTH_URL, which `npm start`
// sets), fixed when the demo is seeded.
import { link, step } from "@/lib/workflows/templates/build";
import type { WorkflowGraph } from "@/lib/workflow/types";

export const API_GUIDE_NAME = "API guide (agent)";

export function apiGuideGraph(origin = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): WorkflowGraph {
  const base = origin.replace(/\/+$/, "");
  return {
    nodes: [
      step("start", "start", [0, 0], "Question asked", {
        fields: [{ name: "question", label: "Question about the API", type: "string", required: true, description: "For example: How do I start a run through the REST API?" }],
      }),
      step("agent", "agent", [1, 0], "Look it up in the API reference", {
        provider: "simulated",
        model: "simulated",
        systemPrompt: "You help developers use the Switchyard REST API. Look things up in the API reference before you answer.",
        goal: "Answer this question about the Switchyard API: {{ question }}",
        tools: [
          {
            kind: "http",
            name: "read_api_reference",
            description: "Reads the Switchyard REST API reference (OpenAPI 3.1): paths, methods and what they take and return",
            parameters: JSON.stringify({ type: "object", properties: { topic: { type: "string", description: "What to look for" } } }),
            method: "GET",
            url: `${base}/api/v1/openapi.json`,
            headers: [],
            body: "",
            timeoutMs: 10_000,
          },
        ],
        maxToolCalls: 3,
        maxTokens: 50_000,
        timeoutMs: 60_000,
        outputMode: "text",
      }),
      step("end", "end", [2, 0], "Answered", { outputMapping: [{ key: "answer", expression: "text" }, { key: "toolCalls", expression: "toolCalls" }] }),
    ],
    edges: [link("start", "agent"), link("agent", "end", { handle: "out" })],
  };
}
