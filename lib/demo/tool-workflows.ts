// Two small published workflows the demo agent (api-guide.ts) uses as tools, so its run shows
// both other kinds of tool offline: "Look up an expense policy" is its workflow tool (a child
// run), and "Mileage allowance" is marked "Available to AI assistants", so the agent reaches it
// through this app's own MCP endpoint (/api/mcp). Pure graphs; the seeder publishes them.
import { link, step } from "@/lib/workflows/templates/build";
import type { WorkflowGraph } from "@/lib/workflow/types";

export const EXPENSE_POLICY_NAME = "Look up an expense policy";
export const MILEAGE_NAME = "Mileage allowance";

/** The tool names the model sees for them (slugs of the names, lib/ai/agent/tool-name.ts). */
export const EXPENSE_POLICY_TOOL = "look_up_an_expense_policy";
export const MILEAGE_TOOL = "mileage_allowance";

// The policy as a JSONata lookup by words in the category: a limit per claim in euros.
const LIMIT =
  '$c := $lowercase(category); $contains($c, "hotel") ? 180 : ($contains($c, "train") or $contains($c, "flight") or $contains($c, "travel")) ? 400 : ' +
  '($contains($c, "meal") or $contains($c, "lunch") or $contains($c, "dinner")) ? 45 : 100';

export function expensePolicyGraph(): WorkflowGraph {
  return {
    nodes: [
      step("start", "start", [0, 0], "Category asked", {
        fields: [{ name: "category", label: "Expense category", type: "string", required: true, description: "What was bought, e.g. a team dinner, a train ticket, a hotel night" }],
      }),
      step("policy", "set", [1, 0], "Find the limit", {
        assignments: [
          { variable: "limitEur", expression: `(${LIMIT})` },
          { variable: "receiptNeeded", expression: "$vars.limitEur > 25" },
        ],
      }),
      step("end", "end", [2, 0], "Policy found", {
        outputMapping: [
          { key: "category", expression: "category" },
          { key: "limitEur", expression: "$vars.limitEur" },
          { key: "receiptNeeded", expression: "$vars.receiptNeeded" },
        ],
      }),
    ],
    edges: [link("start", "policy"), link("policy", "end", { handle: "out" })],
  };
}

export function mileageGraph(): WorkflowGraph {
  return {
    nodes: [
      step("start", "start", [0, 0], "Distance given", {
        fields: [{ name: "km", label: "Distance driven (km)", type: "number", required: true, description: "Kilometres driven with a private car for work" }],
      }),
      step("end", "end", [1, 0], "Allowance", {
        outputMapping: [
          { key: "km", expression: "km" },
          { key: "allowanceEur", expression: "$round(km * 0.3, 2)" },
        ],
      }),
    ],
    edges: [link("start", "end")],
  };
}
