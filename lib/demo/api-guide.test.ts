import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { apiGuideGraph } from "./api-guide";

describe("the demo agent workflow", () => {
  it("passes the canvas's validation and reads the app's own API reference", () => {
    const graph = apiGuideGraph("http://localhost:4123/");
    expect(validateWorkflow(graph)).toEqual([]);
    const agent = graph.nodes.find((node) => node.type === "agent")!;
    expect(agent.data.config).toMatchObject({ provider: "simulated", tools: [{ kind: "http", url: "http://localhost:4123/api/v1/openapi.json" }] });
  });
});
