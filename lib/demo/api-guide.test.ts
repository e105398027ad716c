import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { apiGuideGraph } from "./api-guide";
import { expensePolicyGraph, mileageGraph } from "./tool-workflows";

describe("the demo agent workflow and its tool workflows", () => {
  it("pass the canvas's validation; the agent has an HTTP, a workflow and an MCP tool on the app's own address", () => {
    const graph = apiGuideGraph({ origin: "http://localhost:4123/", expensePolicyId: "6650f0c2a1b2c3d4e5f60718", mcpCredentialId: "6650f0c2a1b2c3d4e5f60719" });
    expect(validateWorkflow(graph)).toEqual([]);
    expect(validateWorkflow(expensePolicyGraph())).toEqual([]);
    expect(validateWorkflow(mileageGraph())).toEqual([]);
    const agent = graph.nodes.find((node) => node.type === "agent")!;
    expect(agent.data.config).toMatchObject({
      provider: "simulated",
      tools: [
        { kind: "http", url: "http://localhost:4123/api/v1/openapi.json" },
        { kind: "workflow", workflowId: "6650f0c2a1b2c3d4e5f60718" },
        { kind: "mcp", url: "http://localhost:4123/api/mcp", credentialId: "6650f0c2a1b2c3d4e5f60719", only: ["mileage_allowance"] },
      ],
    });
  });
});
