import { describe, expect, it } from "vitest";
import { defaultSettings, workflowEdgeSchema, workflowGraphSchema, workflowNodeSchema, workflowSettingsSchema } from "./schema";

const goodNode = { id: "n1", type: "set", position: { x: 1, y: 2 }, data: { title: "Set", config: {} } };

describe("workflow structure schemas", () => {
  it("accepts a node and strips UI state React Flow adds", () => {
    const parsed = workflowNodeSchema.parse({ ...goodNode, selected: true, measured: { width: 10 }, data: { ...goodNode.data, label: "x" } });
    expect(parsed).toEqual(goodNode);
  });

  it("limits ids and titles and forbids '.' and '$' in ids", () => {
    expect(workflowNodeSchema.safeParse({ ...goodNode, id: "a".repeat(101) }).success).toBe(false);
    expect(workflowNodeSchema.safeParse({ ...goodNode, id: "a.b" }).error?.issues[0].message).toMatch(/letters, digits/);
    expect(workflowNodeSchema.safeParse({ ...goodNode, id: "$a" }).success).toBe(false);
    expect(workflowNodeSchema.safeParse({ ...goodNode, data: { title: "t".repeat(201), config: {} } }).error?.issues[0].message).toBe("Title must be at most 200 characters");
  });

  it("requires an object config and finite positions", () => {
    expect(workflowNodeSchema.safeParse({ ...goodNode, data: { title: "", config: [] } }).success).toBe(false);
    expect(workflowNodeSchema.safeParse({ ...goodNode, position: { x: Infinity, y: 0 } }).success).toBe(false);
  });

  it("turns React Flow's null source handle into an absent one", () => {
    const parsed = workflowEdgeSchema.parse({ id: "e1", source: "a", target: "b", sourceHandle: null });
    expect(parsed).toEqual({ id: "e1", source: "a", target: "b" });
    expect(parsed.sourceHandle).toBeUndefined();
  });

  it("caps a graph at 10,000 nodes", () => {
    const nodes = Array.from({ length: 10_001 }, (_, i) => ({ ...goodNode, id: `n${i}` }));
    expect(workflowGraphSchema.safeParse({ nodes, edges: [] }).error?.issues[0].message).toBe("A workflow can have at most 10000 nodes");
    expect(workflowGraphSchema.safeParse({ nodes: nodes.slice(0, 10_000), edges: [] }).success).toBe(true);
  });

  it("has default settings that pass the settings schema", () => {
    expect(defaultSettings).toEqual({ timeout: 0, maxRetries: 0, concurrency: 0, maxSteps: 1000, notifyOnFailure: false, notifyOnSuccess: false, poisonAfter: 3 });
    expect(workflowSettingsSchema.safeParse(defaultSettings).success).toBe(true);
    expect(workflowSettingsSchema.safeParse({ ...defaultSettings, maxSteps: 0 }).error?.issues[0].message).toBe("Max steps must be at least 1");
    expect(workflowSettingsSchema.safeParse({ ...defaultSettings, poisonAfter: 0 }).error?.issues[0].message).toBe("Worker stops before a step fails must be at least 1");
  });
});
