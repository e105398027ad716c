// Bad input gets a typed refusal that says what and where, and nothing is saved: junk arguments
// (as a tampering client can send to any server action) and names or titles with control
// characters, NUL, lone surrogates or bidirectional overrides.
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/users/service";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import { loadWorkflowForEditor } from "./queries";
import { createWorkflow, duplicateWorkflow, importWorkflow, publishWorkflow, saveGraph, setArchived, updateMeta } from "./service";
import { actor } from "./test-fixtures";

const designer = actor(["designer"]);
const admin = actor(["admin"]);
const JUNK: unknown[] = [undefined, null, {}, 0, 42, "Expenses", [], [{ name: "x" }], true, { name: 5 }, { name: null }, { name: "   " }, { templateId: "nope" }];
const UNSAFE: [string, string][] = [
  ["NUL", "Pay\u0000roll"],
  ["a control character", "Pay\u0007roll"],
  ["a line break", "Pay\nroll"],
  ["a lone surrogate", "Payroll \ud800"],
  ["a right-to-left override", "Payroll\u202etxt.exe"],
  ["a directional isolate", "Payroll\u2066x\u2069"],
];

const count = () => Workflow.countDocuments({ "metadata.creator": designer.id });

describe("junk and unsafe input (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowVersion.init(), User.init()]);
  });

  it("never creates a workflow from junk arguments", async () => {
    const before = await count();
    for (const input of JUNK) {
      const res = await createWorkflow(designer, input);
      expect(res.ok, `createWorkflow(${JSON.stringify(input)})`).toBe(false);
      if (!res.ok) expect(res.message.length).toBeGreaterThan(5);
    }
    expect(await createWorkflow(designer, {})).toMatchObject({ ok: false, message: "Enter a name.", errors: { name: ["Enter a name."] } });
    expect(await createWorkflow(designer, null)).toMatchObject({ ok: false, message: "Creating a workflow needs its name, or a template." });
    for (const input of JUNK) expect((await importWorkflow(designer, input)).ok).toBe(false);
    for (const input of JUNK) expect((await duplicateWorkflow(designer, input)).ok).toBe(false);
    expect(await count()).toBe(before);
    expect((await createWorkflow(designer, { name: "Real" })).ok).toBe(true);
    expect(await count()).toBe(before + 1);
  });

  it("refuses junk for the other workflow mutations without changing anything", async () => {
    const made = await createWorkflow(designer, { name: "Keep me" });
    if (!made.ok) throw new Error(made.message);
    const before = await Workflow.findById(made.id).lean();
    for (const input of JUNK) {
      expect((await saveGraph(designer, input)).ok).toBe(false);
      expect((await updateMeta(designer, input)).ok).toBe(false);
      expect((await publishWorkflow(designer, input)).ok).toBe(false);
      expect((await setArchived(designer, input)).ok).toBe(false);
    }
    expect(await saveGraph(designer, { id: made.id, revision: "1", nodes: {}, edges: 5 })).toMatchObject({ ok: false, message: expect.stringMatching(/^The save was refused: .+ \(at (revision|nodes|edges)\)\.$/) });
    const after = await Workflow.findById(made.id).lean();
    expect(after?.revision).toBe(before?.revision);
    expect(after?.name).toBe("Keep me");
  });

  it("refuses unsafe characters in workflow names, naming the field, on create, rename and import", async () => {
    const before = await count();
    const made = await createWorkflow(designer, { name: "Safe" });
    if (!made.ok) throw new Error(made.message);
    for (const [what, name] of UNSAFE) {
      const created = await createWorkflow(designer, { name });
      expect(created.ok, what).toBe(false);
      if (!created.ok) expect(created.errors?.name?.[0], what).toMatch(/^Name contains (a control character|a broken character|an invisible text-direction character) \((a lone )?U\+[0-9A-F]{4}\)/);
      expect((await updateMeta(designer, { id: made.id, name })).ok, what).toBe(false);
      const file = { nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { title: "Start", config: { fields: [] } } }], edges: [] };
      const imported = await importWorkflow(designer, { text: JSON.stringify({ ...file, name }) });
      expect(imported.ok, what).toBe(false);
      if (!imported.ok) expect(imported.problems?.[0]).toMatchObject({ path: "name", message: expect.stringContaining("Name contains") });
      const byFile = await importWorkflow(designer, { text: JSON.stringify(file), fileName: `${name}.json` });
      expect(byFile.ok, what).toBe(false);
      if (!byFile.ok) expect(byFile.problems?.[0].message).toContain("The file name contains");
    }
    expect(await updateMeta(designer, { id: made.id, tags: ["ok", "bad\u202e"] })).toMatchObject({ ok: false, errors: { tags: [expect.stringContaining("A tag contains an invisible text-direction character (U+202E)")] } });
    expect(await count()).toBe(before + 1);
    expect((await Workflow.findById(made.id).lean())?.name).toBe("Safe");
  });

  it("refuses unsafe node titles and version notes with where they are; line breaks pass in notes", async () => {
    const made = await createWorkflow(designer, { name: "Titles" });
    if (!made.ok) throw new Error(made.message);
    const wf = (await loadWorkflowForEditor(designer, made.id))!;
    const nodes = wf.nodes.map((n, i) => (i === 1 ? { ...n, data: { ...n.data, title: "Approve\u202egpj.exe" } } : n));
    const saved = await saveGraph(designer, { id: wf.id, revision: wf.revision, nodes, edges: wf.edges });
    expect(saved).toMatchObject({ ok: false, message: "The save was refused: Node title contains an invisible text-direction character (U+202E); remove it. (at nodes.1.data.title)." });
    expect((await loadWorkflowForEditor(designer, wf.id))?.revision).toBe(wf.revision);

    const refused = await publishWorkflow(designer, { id: wf.id, notes: "fixed \u0000 things" });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Version notes contains a control character (U+0000)") });
    expect(await WorkflowVersion.countDocuments({ workflowId: wf.id })).toBe(0);
    expect((await publishWorkflow(designer, { id: wf.id, notes: "line one\nline two" })).ok).toBe(true);
  });

  it("refuses unsafe user names, which become comment authors' names", async () => {
    for (const [what, name] of UNSAFE) {
      const res = await createUser(admin, { email: `u${Math.random().toString(36).slice(2)}@junk.test`, name, password: "a-long-enough-password", roles: ["approver"] });
      expect(res.ok, what).toBe(false);
      expect(res.errors?.name?.[0], what).toMatch(/^Name contains/);
    }
    expect(await User.countDocuments({ email: /@junk\.test$/ })).toBe(0);
  });
});
