// 001-graph-arrays on a real FerretDB: documents in the old shape (one JSON string `graph`),
// inserted raw, become readable arrays that the app reads and mongosh can query.
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { clearGraphCache, loadRunGraph, snapshotDraft } from "@/lib/runtime/graphs";
import { defaultSettings } from "@/lib/workflow/schema";
import type { WorkflowGraph } from "@/lib/workflow/types";
import { decodeGraph } from "@/models/graph-codec";
import { graphArrays } from "./001-graph-arrays";
import { migrate } from "./index";

const db = () => mongoose.connection.db!;
const COLLECTIONS = ["workflows", "workflow_versions", "run_graphs"];

const odd = { body: { $set: { "price.eur": 10 } }, grid: [[1, 2]] };
const graph: WorkflowGraph = {
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: { title: "Start", config: { fields: [] } } },
    { id: "ask", type: "ai", position: { x: 200, y: 0 }, data: { title: "Ask", config: { prompt: "Hi", options: {} } } },
    { id: "call", type: "action", position: { x: 400, y: 0 }, data: { title: "Call", config: odd } },
    { id: "end", type: "end", position: { x: 600, y: 0 }, data: { title: "End", config: {} } },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "call", label: "next" },
    { id: "e3", source: "call", target: "end", sourceHandle: "success" },
  ],
};
const oldText = JSON.stringify({ nodes: graph.nodes, edges: graph.edges });

async function insertOldShape() {
  const workflowId = new mongoose.Types.ObjectId();
  const plainId = new mongoose.Types.ObjectId();
  const brokenId = new mongoose.Types.ObjectId();
  const draft = snapshotDraft(String(workflowId), graph, defaultSettings);
  await db().collection("workflows").insertMany([
    { _id: workflowId, name: "With AI", graph: oldText, nodeCount: 4, edgeCount: 3 },
    { _id: plainId, name: "No AI", graph: JSON.stringify({ nodes: [graph.nodes[0]], edges: [] }) },
    { _id: brokenId, name: "Unreadable", graph: "{not json" },
  ]);
  await db().collection("workflow_versions").insertOne({ _id: `${workflowId}:1` as never, workflowId, version: 1, graph: oldText, settings: defaultSettings });
  await db().collection("run_graphs").insertOne({ _id: draft.graphId as never, workflowId, graph: oldText, settings: defaultSettings });
  return { workflowId, plainId, brokenId, draftId: draft.graphId };
}

const snapshot = () => Promise.all(COLLECTIONS.map((name) => db().collection(name).find({}).sort({ _id: 1 }).toArray()));

describe("migration 001-graph-arrays (real database)", () => {
  it("turns graph text into nodes and edges arrays everywhere, queryable and read back unchanged, once", async () => {
    const ids = await insertOldShape();
    const reports = await migrate(db());
    expect(reports.find((r) => r.id === "001-graph-arrays")).toEqual({ id: "001-graph-arrays", title: graphArrays.title, changed: 5 }); // 3 workflows, 1 version, 1 frozen draft

    for (const name of COLLECTIONS) expect(await db().collection(name).countDocuments({ graph: { $exists: true } })).toBe(0);
    const withAi = await db().collection("workflows").find({ "nodes.type": "ai" }, { projection: { _id: 1 } }).toArray();
    expect(withAi.map((d) => String(d._id))).toEqual([String(ids.workflowId)]);

    const doc = (await db().collection("workflows").findOne({ _id: ids.workflowId }))!;
    expect(doc.nodes[1]).toEqual(graph.nodes[1]); // a readable subdocument
    expect(doc.edges).toEqual(graph.edges);
    expect(doc.nodes[2].data).toEqual({ title: "Call", configJson: JSON.stringify(odd) }); // "$set" and "a.b" as text
    expect(decodeGraph(doc as { nodes?: unknown })).toEqual(graph);
    expect((await db().collection("workflows").findOne({ _id: ids.brokenId }))).toMatchObject({ nodes: [], edges: [], unreadableGraph: "{not json" });

    // The graph a run executes reads the same, and a test run of the unchanged draft keeps its id.
    clearGraphCache();
    expect(await loadRunGraph(`${ids.workflowId}:1`)).toMatchObject(graph);
    expect(await loadRunGraph(ids.draftId)).toMatchObject(graph);
    expect(snapshotDraft(String(ids.workflowId), graph, defaultSettings).graphId).toBe(ids.draftId);

    // Recorded: a second start runs nothing; run again by hand, it finds nothing left to change.
    const before = await snapshot();
    expect(await migrate(db())).toEqual([]);
    expect(await graphArrays.run(db())).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
