import { describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { workflowGraphSchema } from "@/lib/workflow/schema";
import { parseImport } from "@/lib/workflow/import";
import { WORKFLOW_TEMPLATE_IDS, getTemplate, workflowTemplates } from "./index";
import { COLUMN } from "./build";

describe.each(workflowTemplates.map((t) => [t.name, t] as const))("template %s", (_name, template) => {
  const graph = template.build();

  it("passes the validator with no errors and no warnings", () => {
    expect(validateWorkflow(graph)).toEqual([]);
  });

  it("passes the stored graph schema and an import round trip unchanged", () => {
    expect(workflowGraphSchema.parse(graph)).toEqual({ nodes: graph.nodes, edges: graph.edges });
    const imported = parseImport(JSON.parse(JSON.stringify({ name: template.name, ...graph })));
    expect(imported.ok && imported.workflow.nodes).toEqual(graph.nodes);
  });

  it("lays out left to right without two nodes on one spot", () => {
    const start = graph.nodes.find((n) => n.type === "start")!;
    expect(graph.nodes.every((n) => n.position.x >= start.position.x)).toBe(true);
    const ends = graph.nodes.filter((n) => n.type === "end");
    expect(ends.every((n) => n.position.x >= 3 * COLUMN)).toBe(true);
    const spots = new Set(graph.nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(graph.nodes.length);
  });

  it("uses node ids that expressions can name as $nodes.<id>", () => {
    expect(graph.nodes.every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n.id))).toBe(true);
  });

  it("builds a fresh copy each time", () => {
    const copy = template.build();
    copy.nodes[0].data.title = "changed";
    expect(template.build().nodes[0].data.title).not.toBe("changed");
  });
});

describe("template ids", () => {
  it("lists every template once, findable by id", () => {
    expect(workflowTemplates.map((t) => t.id)).toEqual([...WORKFLOW_TEMPLATE_IDS]);
    expect(getTemplate("content-review")?.name).toBe("Content review");
    expect(getTemplate("nope")).toBeUndefined();
  });

  it("includes the steps the issue asks for", () => {
    const types = (id: string) => getTemplate(id)!.build().nodes.map((n) => n.type);
    expect(types("expense-approval")).toEqual(expect.arrayContaining(["ai", "decision", "human", "notification", "end"]));
    expect(types("content-review")).toEqual(expect.arrayContaining(["ai", "human", "action", "end"]));
    expect(types("incident-escalation").filter((t) => t === "parallel")).toHaveLength(2);
    expect(types("incident-escalation").filter((t) => t === "human")).toHaveLength(2);
    const expense = getTemplate("expense-approval")!.build();
    expect(expense.nodes.find((n) => n.type === "ai")!.data.config.provider).toBe("simulated");
    expect(expense.nodes.find((n) => n.type === "human")!.data.config.candidateRoles).toEqual(["manager"]);
  });
});
