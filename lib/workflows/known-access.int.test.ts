// Autosaves skip the read before the write when this process knows the workflow's access list
// (known-access.ts). These prove that such a save still never writes past a change of access
// or status made elsewhere, e.g. by another process.
import mongoose from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { knownAccess } from "./known-access";
import { loadWorkflowForEditor } from "./queries";
import { saveWithKnownAccess } from "./save";
import { createWorkflow, saveGraph, shareWorkflow } from "./service";
import { person } from "./test-fixtures";

const raw = () => mongoose.connection.db!.collection("workflows");

describe("saving with a known access list (real database)", () => {
  let owner: Awaited<ReturnType<typeof person>>;
  let editor: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    await Promise.all([User.init(), Workflow.init()]);
    owner = await person("owner@example.com", ["designer"]);
    editor = await person("editor@example.com", ["designer"]);
  });

  async function sharedWorkflow() {
    const res = await createWorkflow(owner, { name: "Shared" });
    if (!res.ok) throw new Error(res.message);
    expect(await shareWorkflow(owner, { id: res.id, owners: [owner.email], editors: [editor.email], viewers: [] })).toMatchObject({ ok: true });
    return (await loadWorkflowForEditor(editor, res.id))!;
  }

  it("writes without a read while the stored access list is the one it knows", async () => {
    const wf = await sharedWorkflow();
    expect(knownAccess(wf.id)).toBeDefined();
    const moved = wf.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 1 } }));
    expect(await saveWithKnownAccess(editor, wf.id, wf.revision, { nodes: moved, edges: wf.edges })).toBe(true);
    expect(await loadWorkflowForEditor(editor, wf.id)).toMatchObject({ revision: wf.revision + 1, nodes: moved });
  });

  it("refuses an editor removed by another process, though this one still knew them as editor", async () => {
    const wf = await sharedWorkflow();
    await raw().updateOne({ _id: new mongoose.Types.ObjectId(wf.id) }, { $set: { "permissions.editors": [] } });
    const save = { id: wf.id, revision: wf.revision, nodes: [], edges: [] };
    await expect(saveGraph(editor, save)).rejects.toThrow(/view this workflow|not shared with you/);
    expect(await loadWorkflowForEditor(owner, wf.id)).toMatchObject({ revision: wf.revision, nodes: wf.nodes });
    // The owner's save right after is not blocked by a claim the refused one left behind.
    expect(await saveGraph(owner, { ...save, nodes: wf.nodes, edges: wf.edges })).toMatchObject({ ok: true, revision: wf.revision + 1 });
  });

  it("refuses a save to a workflow another process archived", async () => {
    const wf = await sharedWorkflow();
    await raw().updateOne({ _id: new mongoose.Types.ObjectId(wf.id) }, { $set: { status: "archived" } });
    expect(await saveWithKnownAccess(editor, wf.id, wf.revision, { nodes: [], edges: [] })).toBe(false);
    expect(await saveGraph(editor, { id: wf.id, revision: wf.revision, nodes: [], edges: [] })).toMatchObject({ ok: false, message: expect.stringContaining("archived") });
    expect(await loadWorkflowForEditor(owner, wf.id)).toMatchObject({ revision: wf.revision, nodes: wf.nodes });
  });
});
