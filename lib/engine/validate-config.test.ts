import { describe, expect, it } from "vitest";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { node, validGraph } from "./test-graphs";
import { validateWorkflow } from "./validate";
import type { Problem } from "./problems";

const ofCode = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

function withNode(id: string, config: Record<string, unknown>) {
  const graph = validGraph();
  graph.nodes = graph.nodes.map((n) => (n.id === id ? node(n.id, n.type, config, n.data.title) : n));
  return graph;
}

describe("config rules", () => {
  it("reports each schema issue with its path, naming the node", () => {
    const problems = ofCode(validateWorkflow(withNode("fetch", { method: "GET", url: "", headers: [], body: "", timeoutMs: 5 })), "invalid-config");
    expect(problems).toEqual([
      { code: "invalid-config", severity: "error", nodeId: "fetch", path: "url", message: '"fetch": URL is required' },
      { code: "invalid-config", severity: "error", nodeId: "fetch", path: "timeoutMs", message: '"fetch": Timeout must be at least 100 ms' },
    ]);
  });

  it("reports a freshly dropped node's blank fields", () => {
    const defaults = getNodeDefinition("decision")!.defaults() as Record<string, unknown>;
    const problems = ofCode(validateWorkflow(withNode("check", defaults)), "invalid-config");
    expect(problems.map((p) => p.path)).toEqual(["branches.0.condition"]);
  });

  it("keeps checking edges of a decision whose config is half-edited", () => {
    const problems = validateWorkflow(withNode("check", { branches: [{ id: "big", label: "", condition: "" }] }));
    expect(ofCode(problems, "unknown-source-handle")).toEqual([]);
    expect(ofCode(problems, "invalid-config").map((p) => p.path).sort()).toEqual(["branches.0.condition", "branches.0.label"]);
  });

  it("reports JSONata syntax errors with path and position", () => {
    const problems = validateWorkflow(withNode("check", { branches: [{ id: "big", label: "Big", condition: "amount >" }] }));
    expect(ofCode(problems, "expression-syntax")).toEqual([
      expect.objectContaining({ nodeId: "check", path: "branches.0.condition", position: 8, message: expect.stringMatching(/^"check": the expression in branches\.0\.condition has an error/) }),
    ]);
  });

  it("reports template errors even while another field fails its schema", () => {
    const config = { method: "GET", url: "https://x/{{ id + }}", headers: [], body: "", timeoutMs: 1 };
    const problems = validateWorkflow(withNode("fetch", config));
    expect(ofCode(problems, "expression-syntax").map((p) => p.path)).toEqual(["url"]);
    expect(ofCode(problems, "invalid-config").map((p) => p.path)).toEqual(["timeoutMs"]);
  });

  it("does not report a blank expression twice", () => {
    const problems = validateWorkflow(withNode("check", { branches: [{ id: "big", label: "Big", condition: " " }] }));
    expect(problems.map((p) => p.code)).toEqual(["invalid-config"]);
  });

  it("accepts valid expressions of every kind", () => {
    const config = { method: "POST", url: "https://x/{{ id }}", headers: [{ key: "X-Id", value: "{{ $string(id) }}" }], body: '{{ $string({"a": 1}) }}', timeoutMs: 1000 };
    expect(validateWorkflow(withNode("fetch", config))).toEqual([]);
  });
});
