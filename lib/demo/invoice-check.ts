// A fourth demo workflow beside the templates: a script checks that an invoice's lines add up
// to its total and fails the run when they do not (no error branch), so the dashboard's failure
// figures come from real failed runs. The AI step summarizes the invoices that pass.
import { link, step } from "@/lib/workflows/templates/build";
import type { WorkflowGraph } from "@/lib/workflow/types";

export const INVOICE_CHECK_NAME = "Invoice check";

export function invoiceCheckGraph(): WorkflowGraph {
  return {
    nodes: [
      step("start", "start", [0, 0], "Invoice received", {
        fields: [
          { name: "vendor", label: "Vendor", type: "string", required: true },
          { name: "lines", label: "Line amounts, comma separated", type: "string", required: true },
          { name: "total", label: "Invoice total", type: "number", required: true },
        ],
      }),
      step("validate", "script", [1, 0], "Lines add up to the total", {
        source:
          "const sum = input.lines.split(\",\").map(Number).reduce((a, b) => a + b, 0);\n" +
          "if (Math.abs(sum - input.total) > 0.005) throw new Error(`Invoice from ${input.vendor}: lines add up to ${sum.toFixed(2)}, the total says ${input.total.toFixed(2)}`);\n" +
          "return { vendor: input.vendor, total: input.total };\n",
        timeLimitMs: 1_000,
        memoryLimitMb: 16,
      }),
      step("summarize", "ai", [2, 0], "Summarize for accounts payable", {
        provider: "simulated",
        model: "simulated",
        systemPrompt: "You write one-line notes for accounts payable.",
        promptTemplate: "Write a one-line note about an invoice from {{ $input.vendor }} for {{ $input.total }}.",
        temperature: 0,
        maxTokens: 128,
        outputMode: "text",
      }),
      step("end", "end", [3, 0], "Booked", { outputMapping: [{ key: "booked", expression: "true" }] }),
    ],
    edges: [link("start", "validate"), link("validate", "summarize", { handle: "out" }), link("summarize", "end", { handle: "out" })],
  };
}
