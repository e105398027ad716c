import { beforeAll, describe, expect, it } from "vitest";
import { validateWorkflow } from "@/lib/engine/validate";
import { Workflow } from "@/models/Workflow";
import { createWorkflow, duplicateWorkflow, importWorkflow, publishWorkflow, setArchived, updateMeta } from "./service";
import { exportWorkflow, listWorkflows, loadWorkflowForEditor } from "./queries";
import { listParamsSchema } from "./schema";
import { WORKFLOW_TEMPLATE_IDS } from "./templates";
import { actor } from "./test-fixtures";

const designer = actor(["designer"]);
const params = (p: Record<string, string> = {}) => listParamsSchema.parse(p);

async function created(input: object) {
  const res = await createWorkflow(designer, input);
  if (!res.ok) throw new Error(res.message);
  return res.id;
}

describe("creating, importing and listing workflows (real database)", () => {
  beforeAll(() => Workflow.init());

  it("creates a blank workflow that validates: a start connected to an end", async () => {
    const wf = (await loadWorkflowForEditor(designer, await created({ name: "Blank" })))!;
    expect(wf).toMatchObject({ name: "Blank", status: "draft", revision: 1, publishedVersion: null, access: "owner" });
    expect(wf.nodes.map((n) => n.type)).toEqual(["start", "end"]);
    expect(validateWorkflow(wf)).toEqual([]);
  });

  it.each(WORKFLOW_TEMPLATE_IDS)("creates a valid, publishable workflow from the %s template", async (templateId) => {
    const id = await created({ templateId });
    const wf = (await loadWorkflowForEditor(designer, id))!;
    expect(validateWorkflow(wf)).toEqual([]);
    expect(wf.tags.length).toBeGreaterThan(0);
    expect(await publishWorkflow(designer, { id })).toMatchObject({ ok: true, version: 1 });
  });

  it("refuses an unknown template and saves nothing", async () => {
    const before = await Workflow.countDocuments();
    expect(await createWorkflow(designer, { templateId: "nope" })).toMatchObject({ ok: false, message: "Unknown template." });
    expect(await Workflow.countDocuments()).toBe(before);
  });

  it("exports a file that imports back as the same workflow", async () => {
    const id = await created({ templateId: "incident-escalation" });
    await updateMeta(designer, { id, name: "Pager", tags: ["ops", "Ops", "urgent"], description: "Wake people up" });
    const file = await exportWorkflow(designer, id);
    expect(file).toMatchObject({ format: "switchyard.workflow", formatVersion: 1, name: "Pager", tags: ["Ops", "urgent"] });

    const res = await importWorkflow(designer, { text: JSON.stringify(file), fileName: "pager.json" });
    if (!res.ok) throw new Error(res.message);
    const [a, b] = [await loadWorkflowForEditor(designer, id), await loadWorkflowForEditor(designer, res.id)];
    expect(b).toMatchObject({ name: "Pager", description: "Wake people up", tags: ["Ops", "urgent"], status: "draft" });
    expect({ nodes: b!.nodes, edges: b!.edges, settings: b!.settings }).toEqual({ nodes: a!.nodes, edges: a!.edges, settings: a!.settings });
  });

  it("refuses bad files with the problems and where they are, saving nothing", async () => {
    const before = await Workflow.countDocuments();
    const start = { id: "s", type: "start", position: { x: 0, y: 0 }, data: { title: "S", config: { fields: [] } } };
    const end = { id: "e", type: "end", position: { x: 1, y: 0 }, data: { title: "E", config: { outputMapping: [] } } };
    const cases: [string, string, string][] = [
      ["malformed JSON", "{ nodes: [", ""],
      ["unknown node type", JSON.stringify({ nodes: [start, { ...end, type: "teleport" }], edges: [] }), "nodes.1.type"],
      ["duplicate ids", JSON.stringify({ nodes: [start, { ...end, id: "s" }], edges: [] }), "nodes.1.id"],
      ["edge to a missing node", JSON.stringify({ nodes: [start, end], edges: [{ id: "x", source: "s", target: "ghost" }] }), "edges.0.target"],
      ["config failing its schema", JSON.stringify({ nodes: [start, { ...end, data: { title: "E", config: { outputMapping: 3 } } }], edges: [] }), "nodes.1.data.config.outputMapping"],
      ["newer format", JSON.stringify({ formatVersion: 9, nodes: [], edges: [] }), "formatVersion"],
    ];
    for (const [name, text, path] of cases) {
      const res = await importWorkflow(designer, { text, fileName: "bad.json" });
      expect(res.ok, name).toBe(false);
      if (res.ok) continue;
      expect(res.message, name).toContain("Nothing was saved");
      expect(res.problems?.[0].path, name).toBe(path);
    }
    expect(await Workflow.countDocuments()).toBe(before);
  });

  it("lists at most 20 problems and refuses a file over 2 MB before reading it", async () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, type: "nope", position: { x: 0, y: 0 }, data: { title: "", config: {} } }));
    const many = await importWorkflow(designer, { text: JSON.stringify({ nodes, edges: [] }) });
    expect(many).toMatchObject({ ok: false, truncated: true });
    if (!many.ok) expect(many.problems).toHaveLength(20);
    const huge = await importWorkflow(designer, { text: " ".repeat(10 * 1024 * 1024) });
    expect(huge).toMatchObject({ ok: false, problems: [{ path: "", message: expect.stringContaining("10.0 MB; the limit is 2 MB") }] });
  });

  it("duplicates, archives and unarchives", async () => {
    const id = await created({ templateId: "content-review", name: "Blog" });
    const copy = await duplicateWorkflow(designer, { id });
    expect(copy).toMatchObject({ ok: true, message: 'Created "Copy of Blog".' });
    expect(await setArchived(designer, { id, archived: true })).toMatchObject({ ok: true });
    expect(await loadWorkflowForEditor(designer, id)).toMatchObject({ status: "archived", access: "viewer" });
    expect(await publishWorkflow(designer, { id })).toMatchObject({ ok: false, message: expect.stringContaining("archived") });
    await setArchived(designer, { id, archived: false });
    expect(await loadWorkflowForEditor(designer, id)).toMatchObject({ status: "draft", access: "owner" });
  });

  it("searches by name, filters by status and tag, and sorts", async () => {
    const mine = actor(["designer"]);
    const rows = [
      ["Zeta payroll", ["finance"], 1, 5],
      ["alpha onboarding", ["hr"], 2, 4],
      ["Beta Payroll", ["Finance", "hr"], 3, 6],
    ] as const;
    for (const [name, tags, createdDay, updatedDay] of rows) {
      const res = await createWorkflow(mine, { name });
      if (!res.ok) throw new Error(res.message);
      await updateMeta(mine, { id: res.id, tags: [...tags] });
      const at = (day: number) => new Date(Date.UTC(2026, 0, day));
      await Workflow.updateOne({ _id: res.id }, { $set: { createdAt: at(createdDay), updatedAt: at(updatedDay) } }, { timestamps: false });
    }
    const names = async (p: Record<string, string>) => (await listWorkflows(mine, params(p))).workflows.map((w) => w.name);
    expect(await names({ sort: "name" })).toEqual(["alpha onboarding", "Beta Payroll", "Zeta payroll"]);
    expect(await names({ q: "PAYROLL", sort: "name" })).toEqual(["Beta Payroll", "Zeta payroll"]);
    expect(await names({ tag: "finance", sort: "name" })).toEqual(["Beta Payroll", "Zeta payroll"]);
    expect(await names({ sort: "created" })).toEqual(["Beta Payroll", "alpha onboarding", "Zeta payroll"]);
    expect(await names({ sort: "updated" })).toEqual(["Beta Payroll", "Zeta payroll", "alpha onboarding"]);
    expect(await names({ status: "active" })).toEqual([]);
    const list = await listWorkflows(mine, params());
    expect(list.visibleCount).toBe(3);
    expect(list.tags.map((t) => t.toLowerCase())).toEqual(["finance", "hr"]); // one entry per tag, any case
  });
});
