import { describe, expect, it } from "vitest";
import { validGraph } from "@/lib/engine/test-graphs";
import { defaultSettings } from "./schema";
import { MAX_IMPORT_PROBLEMS, parseImport } from "./import";

const file = () => ({ name: "Invoices", ...validGraph() });

function problemsOf(input: unknown) {
  const result = parseImport(input);
  if (result.ok) throw new Error("expected the import to fail");
  return result;
}

describe("parseImport", () => {
  it("accepts a valid file, filling settings from the defaults", () => {
    const result = parseImport({ ...file(), settings: { maxSteps: 50 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workflow.name).toBe("Invoices");
    expect(result.workflow.nodes).toHaveLength(5);
    expect(result.workflow.settings).toEqual({ ...defaultSettings, maxSteps: 50 });
  });

  it("accepts the file's text and reports text that is not JSON", () => {
    expect(parseImport(JSON.stringify(file())).ok).toBe(true);
    expect(problemsOf("{ nodes: ").problems).toEqual([{ path: "", message: expect.stringMatching(/^The file is not valid JSON/) }]);
  });

  it("strips unknown keys from node configs", () => {
    const input = file();
    input.nodes[1].data.config.evil = { "$where": 1 };
    const result = parseImport(input);
    expect(result.ok && result.workflow.nodes[1].data.config).not.toHaveProperty("evil");
  });

  it("reports structure problems with their path", () => {
    expect(problemsOf(null).problems[0]).toEqual({ path: "", message: "A workflow file must hold an object with nodes and edges" });
    const input = file() as Record<string, unknown>;
    (input.nodes as { position: unknown }[])[2].position = "here";
    expect(problemsOf(input).problems).toEqual([{ path: "nodes.2.position", message: "Position must be {x, y}" }]);
  });

  it("reports unknown types, repeated ids and edges to missing nodes", () => {
    const input = file();
    input.nodes[1].type = "teleport";
    input.nodes.push({ ...input.nodes[0], data: { title: "Copy", config: { fields: [] } } });
    input.edges[1].id = input.edges[0].id;
    input.edges.push({ id: "e-x", source: "start", target: "ghost" });
    const paths = problemsOf(input).problems.map((p) => p.path);
    expect(paths).toEqual(["nodes.1.type", "nodes.5.id", "edges.1.id", "edges.7.target"]);
  });

  it("reports config problems at their full path, naming the node", () => {
    const input = file();
    input.nodes[1].data.config.url = "";
    expect(problemsOf(input).problems).toEqual([{ path: "nodes.1.data.config.url", message: '"fetch": URL is required' }]);
  });

  it("reports at most the first 20 problems and says there were more", () => {
    const input = file();
    for (let i = 0; i < 30; i++) input.edges.push({ id: `x${i}`, source: "start", target: `ghost${i}` });
    const result = problemsOf(input);
    expect(result.problems).toHaveLength(MAX_IMPORT_PROBLEMS);
    expect(result.truncated).toBe(true);
  });
});
