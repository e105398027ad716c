import { beforeAll, describe, expect, it } from "vitest";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion, versionId } from "@/models/WorkflowVersion";
import { createWorkflow, publishWorkflow, restoreVersion, saveGraph } from "./service";
import { diffVersions, getVersion, listVersions, loadWorkflowForEditor } from "./queries";
import { isEmptyDiff } from "./diff";
import { actor } from "./test-fixtures";
import type { WorkflowNode } from "@/lib/workflow/types";

const designer = actor(["designer"]);

async function newWorkflow(templateId?: string) {
  const res = await createWorkflow(designer, { name: "Versions", templateId });
  if (!res.ok) throw new Error(res.message);
  return (await loadWorkflowForEditor(designer, res.id))!;
}

const dangling: WorkflowNode = { id: "lonely", type: "timer", position: { x: 0, y: 300 }, data: { title: "Lonely", config: { mode: "delay", delaySeconds: 5 } } };

describe("publishing and versions (real database)", () => {
  beforeAll(async () => {
    await Workflow.init();
    await WorkflowVersion.init();
  });

  it("refuses to publish while the validator reports errors, then publishes once they are fixed", async () => {
    const wf = await newWorkflow();
    await saveGraph(designer, { id: wf.id, revision: 1, nodes: [...wf.nodes, dangling], edges: wf.edges });

    const refused = await publishWorkflow(designer, { id: wf.id, notes: "first" });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.validation).toEqual([expect.objectContaining({ code: "disconnected", nodeId: "lonely" })]);
    expect(await WorkflowVersion.countDocuments({ workflowId: wf.id })).toBe(0);
    expect(await loadWorkflowForEditor(designer, wf.id)).toMatchObject({ status: "draft", publishedVersion: null });

    await saveGraph(designer, { id: wf.id, revision: 2, nodes: wf.nodes, edges: wf.edges });
    const published = await publishWorkflow(designer, { id: wf.id, notes: "first" });
    expect(published).toMatchObject({ ok: true, version: 1 });
    expect(await loadWorkflowForEditor(designer, wf.id)).toMatchObject({ status: "active", publishedVersion: 1, revision: 3 });
  });

  it("refuses to publish an AI step whose model does not belong to its provider", async () => {
    const wf = await newWorkflow("content-review");
    const ai = wf.nodes.find((n) => n.type === "ai")!;
    const withProvider = (model: string) =>
      wf.nodes.map((n) => (n.id === ai.id ? { ...n, data: { ...n.data, config: { ...n.data.config, provider: "openai", model } } } : n));
    await saveGraph(designer, { id: wf.id, revision: 1, nodes: withProvider("simulated"), edges: wf.edges });

    const refused = await publishWorkflow(designer, { id: wf.id, notes: "openai" });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.validation).toEqual([
      expect.objectContaining({ code: "invalid-config", nodeId: ai.id, path: "model", message: expect.stringMatching(/Model "simulated" belongs to Simulated \(offline\), not OpenAI/) }),
    ]);
    expect(await WorkflowVersion.countDocuments({ workflowId: wf.id })).toBe(0);

    await saveGraph(designer, { id: wf.id, revision: 2, nodes: withProvider("gpt-4o-mini"), edges: wf.edges });
    expect(await publishWorkflow(designer, { id: wf.id, notes: "openai" })).toMatchObject({ ok: true, version: 1 });
  });

  it("refuses to publish a revision other than the stored one", async () => {
    const wf = await newWorkflow();
    const res = await publishWorkflow(designer, { id: wf.id, revision: 7 });
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining("changed since you opened it") });
  });

  it("keeps versions immutable, lists them newest first, restores and compares them", async () => {
    const wf = await newWorkflow("expense-approval");
    expect((await publishWorkflow(designer, { id: wf.id, notes: "v1" })).ok).toBe(true);

    const renamed = wf.nodes.map((n) => (n.id === "classify" ? { ...n, data: { ...n.data, title: "Sort the claim" } } : n));
    const fewer = renamed.filter((n) => n.id !== "notify_rejected" && n.id !== "end_rejected");
    const fewerEdges = wf.edges.filter((e) => !["notify_rejected", "end_rejected"].includes(e.target) && e.source !== "notify_rejected");
    const withReject = [...fewerEdges, { id: "e_reject", source: "manager_approval", target: "end_approved", sourceHandle: "reject" }];
    expect((await saveGraph(designer, { id: wf.id, revision: 1, nodes: fewer, edges: withReject })).ok).toBe(true);
    expect(await publishWorkflow(designer, { id: wf.id, notes: "v2" })).toMatchObject({ ok: true, version: 2 });

    // Version 1 is untouched by the later save and publish, and cannot be changed.
    const v1 = await getVersion(designer, wf.id, 1);
    expect(v1).toMatchObject({ version: 1, notes: "v1", nodes: wf.nodes, edges: wf.edges });
    await expect(WorkflowVersion.updateOne({ _id: versionId(wf.id, 1) }, { $set: { notes: "x" } })).rejects.toThrow(/immutable/);
    expect((await WorkflowVersion.findById(versionId(wf.id, 1)).lean())!.notes).toBe("v1");

    const versions = await listVersions(designer, wf.id);
    expect(versions.map((v) => [v.version, v.notes, v.nodeCount])).toEqual([
      [2, "v2", 6],
      [1, "v1", 8],
    ]);

    const diff = await diffVersions(designer, wf.id, 1, 2);
    expect(diff.nodes).toEqual({ added: [], removed: ["notify_rejected", "end_rejected"], changed: ["classify"], moved: [] });
    expect(diff.fields.nodes.classify).toEqual([{ path: "title", before: wf.nodes.find((n) => n.id === "classify")!.data.title, after: "Sort the claim" }]);
    expect(diff.ghosts.map((g) => g.id)).toEqual(["notify_rejected", "end_rejected"]);
    expect(diff.edges.added).toEqual(["e_reject"]);
    expect(diff.edges.removed).toHaveLength(2);

    const restored = await restoreVersion(designer, { id: wf.id, version: 1 });
    expect(restored).toMatchObject({ ok: true, revision: 3, nodes: wf.nodes });
    const draft = await loadWorkflowForEditor(designer, wf.id);
    expect(draft).toMatchObject({ revision: 3, nodes: wf.nodes, edges: wf.edges, publishedVersion: 2 });
    const sinceDraft = await diffVersions(designer, wf.id, 1, "draft");
    expect(isEmptyDiff(sinceDraft)).toBe(true);
    expect(await listVersions(designer, wf.id)).toHaveLength(2); // restoring publishes nothing
  });

  it("skips a version number a crashed publish left behind", async () => {
    const wf = await newWorkflow();
    await WorkflowVersion.create({ _id: versionId(wf.id, 1), workflowId: wf.id, version: 1, nodes: [], edges: [], publishedAt: new Date() });
    expect(await publishWorkflow(designer, { id: wf.id })).toMatchObject({ ok: true, version: 2 });
    expect(await loadWorkflowForEditor(designer, wf.id)).toMatchObject({ publishedVersion: 2 });
  });

  it("says so when a version or workflow does not exist", async () => {
    const wf = await newWorkflow();
    await expect(getVersion(designer, wf.id, 9)).rejects.toThrow("Version 9 of this workflow does not exist.");
    expect(await restoreVersion(designer, { id: wf.id, version: 9 })).toMatchObject({ ok: false });
    expect(await loadWorkflowForEditor(designer, "0123456789abcdef01234567")).toBeNull();
    expect(await loadWorkflowForEditor(designer, "not-an-id")).toBeNull();
  });
});
