// What someone with mongosh finds: graphs saved through the service are arrays of subdocuments
// in workflows, workflow_versions and run_graphs, queryable by node type.
import mongoose from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import { getNodeDefinition } from "@/lib/nodes/registry";
import { clearGraphCache, loadRunGraph, snapshotDraft } from "@/lib/runtime/graphs";
import { defaultSettings } from "@/lib/workflow/schema";
import type { WorkflowNode } from "@/lib/workflow/types";
import { Workflow } from "@/models/Workflow";
import { versionId } from "@/models/WorkflowVersion";
import { getVersion, loadWorkflowForEditor } from "./queries";
import { createWorkflow, publishWorkflow, saveGraph } from "./service";
import { actor } from "./test-fixtures";

const designer = actor(["designer"]);
const raw = (name: string) => mongoose.connection.db!.collection(name);

async function newWorkflow(name: string) {
  const res = await createWorkflow(designer, { name });
  if (!res.ok) throw new Error(res.message);
  return (await loadWorkflowForEditor(designer, res.id))!;
}

function aiNode(id: string): WorkflowNode {
  return { id, type: "ai", position: { x: 150, y: 0 }, data: { title: "Summarise", config: structuredClone(getNodeDefinition("ai")!.defaults()) as Record<string, unknown> } };
}

describe("graphs as arrays in the database", () => {
  beforeAll(() => Workflow.init());

  it("finds a workflow saved through the service with { 'nodes.type': 'ai' } on the raw driver", async () => {
    const plain = await newWorkflow("No AI here");
    const wf = await newWorkflow("Has an AI step");
    const edges = [
      { id: "e1", source: "start", target: "summarise" },
      { id: "e2", source: "summarise", target: "end", label: "done" },
    ];
    const saved = await saveGraph(designer, { id: wf.id, revision: wf.revision, nodes: [...wf.nodes, aiNode("summarise")], edges });
    expect(saved).toMatchObject({ ok: true });

    const found = await raw("workflows").find({ "nodes.type": "ai" }, { projection: { name: 1 } }).toArray();
    expect(found.map((d) => String(d._id))).toContain(wf.id);
    expect(found.map((d) => String(d._id))).not.toContain(plain.id);

    const doc = (await raw("workflows").findOne({ _id: new mongoose.Types.ObjectId(wf.id) }))!;
    expect(doc.graph).toBeUndefined();
    expect(doc.nodes.find((n: WorkflowNode) => n.id === "summarise")).toEqual(aiNode("summarise"));
    expect(doc.edges).toEqual(edges);
  });

  it("keeps a config with keys the database refuses as JSON text, and gives it back unchanged everywhere", async () => {
    const wf = await newWorkflow("Odd keys");
    const odd = { assignments: [], body: { $set: { "price.eur": 10 } }, grid: [[1, 2], [3]] };
    const allowed = { "": "an empty key", a$b: 1, "é 😀": { empty: {} } }; // fine for the database: kept as a subdocument
    const nodes = wf.nodes.map((n) => ({ ...n, data: { ...n.data, config: { ...n.data.config, ...(n.id === "start" ? allowed : odd) } } }));
    expect(await saveGraph(designer, { id: wf.id, revision: wf.revision, nodes, edges: wf.edges })).toMatchObject({ ok: true });

    const doc = (await raw("workflows").findOne({ _id: new mongoose.Types.ObjectId(wf.id) }))!;
    const end = doc.nodes.find((n: WorkflowNode) => n.id === "end");
    expect(end.data.config).toBeUndefined();
    expect(JSON.parse(end.data.configJson)).toEqual(nodes.find((n) => n.id === "end")!.data.config);
    expect(doc.nodes.find((n: WorkflowNode) => n.id === "start").data.config).toEqual(nodes[0].data.config);
    expect((await loadWorkflowForEditor(designer, wf.id))!.nodes).toEqual(nodes);

    // Published: the immutable snapshot and the graph a run executes read the same.
    expect(await publishWorkflow(designer, { id: wf.id })).toMatchObject({ ok: true, version: 1 });
    const snapshot = (await raw("workflow_versions").findOne({ _id: versionId(wf.id, 1) as never }))!;
    expect(snapshot.nodes.map((n: WorkflowNode) => n.type)).toEqual(["start", "end"]);
    expect((await getVersion(designer, wf.id, 1)).nodes).toEqual(nodes);
    clearGraphCache();
    expect((await loadRunGraph(versionId(wf.id, 1))).nodes).toEqual(nodes);

    // A test run's frozen draft.
    const draft = snapshotDraft(wf.id, { nodes, edges: wf.edges }, defaultSettings);
    await draft.store();
    const frozen = (await raw("run_graphs").findOne({ _id: draft.graphId as never }))!;
    expect(frozen.nodes.map((n: WorkflowNode) => n.id)).toEqual(["start", "end"]);
    clearGraphCache();
    expect((await loadRunGraph(draft.graphId)).nodes).toEqual(nodes);
  });
});
