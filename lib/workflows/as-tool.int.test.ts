// Workflows as an agent's tools through the real runtime and database: a step of a parent run
// (a stand-in for the agent step, in the script node's place) builds the tools and calls one; the
// call is a child run of the parent with the rights rules of sub-workflows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import type { ExecutorMap, NodeExecutor } from "@/lib/engine/executor";
import { exampleConfig } from "@/lib/engine/test-graphs";
import { findOutput } from "@/lib/engine/state";
import { readRun } from "@/lib/runtime/control";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { publishWorkflow } from "@/lib/workflows/service";
import { person } from "@/lib/workflows/test-fixtures";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import { workflowTools } from "./as-tool";

/** What the stand-in agent step does: which workflows become tools, and the arguments of one call. */
let plan: { workflowIds: string[]; args: Record<string, unknown>; callMs?: number } = { workflowIds: [], args: {} };

const agentStandIn: NodeExecutor<RuntimeServices> = async (ctx) => {
  try {
    const tools = await workflowTools({ workflowIds: plan.workflowIds, actor: ctx.services.run.startedBy, parentRunId: ctx.runId, signal: ctx.signal });
    const signal = plan.callMs ? AbortSignal.any([ctx.signal, AbortSignal.timeout(plan.callMs)]) : ctx.signal;
    const outcome = await tools[0].call(plan.args, signal);
    return { kind: "ok", output: { tools: tools.map(({ name, description, parameters, kind, source }) => ({ name, description, parameters, kind, source })), outcome } };
  } catch (error) {
    return { kind: "error", retryable: false, error: { message: (error as Error).message, code: "tools_refused" } };
  }
};

const executors = { script: agentStandIn } as unknown as ExecutorMap<RuntimeServices>;
const line = (...ids: string[]) => ids.slice(1).map((id, i) => e(ids[i], id));

let owner: Actor;
let editor: Actor;
let viewer: Actor;
let worker: Worker;
let doubler: string;

async function published(graph: Parameters<typeof storeWorkflow>[1], name: string, description = ""): Promise<string> {
  const id = await storeWorkflow(owner, graph, {}, { editors: [editor.id], viewers: [viewer.id] });
  await Workflow.updateOne({ _id: id }, { $set: { name, description } });
  const done = await publishWorkflow(owner, { id });
  if (!done.ok) throw new Error(done.message);
  return id;
}

/** Runs a parent workflow of `who` whose one step is the stand-in agent; returns the run's state and the step's output. */
async function runAgent(who: Actor) {
  const parent = await storeWorkflow(who, { nodes: [startNode(), n("agent", "script", exampleConfig("script"), "Agent"), endNode()], edges: line("start", "agent", "end") });
  const started = await startRunFor(who, { workflowId: parent, mode: "test", input: {} });
  if (!started.ok) throw new Error(started.message);
  const state = await waitForStatus(started.runId);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in's output, read as JSON
  return { runId: started.runId, state, output: findOutput(state, "agent")?.output as any };
}

const childrenOf = (runId: string) => WorkflowExecution.find({ parentExecutionId: runId }).lean();

describe("workflowTools through the real runtime", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), WorkflowVersion.init(), WorkflowExecution.init(), User.init()]);
    owner = await person("owner@as-tool.test", ["designer"]);
    editor = await person("editor@as-tool.test", ["designer"]);
    viewer = await person("viewer@as-tool.test", ["designer"]);
    doubler = await published(
      {
        nodes: [startNode([{ name: "amount", label: "Amount", type: "number", required: true, description: "In euros" }, { name: "note", type: "string", required: false }]), endNode("end", [{ key: "doubled", expression: "amount * 2" }])],
        edges: [e("start", "end")],
      },
      "Double it!",
      "Doubles an amount.",
    );
    worker = testWorker({ executors });
  });
  afterAll(async () => {
    await worker.stop(500);
  });
  beforeEach(() => {
    plan = { workflowIds: [], args: {} };
  });

  it("a tool per workflow with its Start fields as parameters; a call runs the child and answers with its End output", async () => {
    plan = { workflowIds: [doubler, doubler], args: { amount: 21 } };
    const { runId, state, output } = await runAgent(owner);
    expect(state.status).toBe("completed");
    expect(output.tools).toEqual([
      {
        name: "double_it",
        description: "Doubles an amount.",
        kind: "workflow",
        source: "workflow Double it!",
        parameters: {
          type: "object",
          properties: { amount: { type: "number", title: "Amount", description: "In euros" }, note: { type: "string", maxLength: 100_000 } },
          required: ["amount"],
        },
      },
    ]);
    const children = await childrenOf(runId);
    expect(children).toHaveLength(1);
    expect(output.outcome).toEqual({ ok: true, result: { doubled: 42 }, meta: { runId: String(children[0]._id) } });
    const child = await readRun(String(children[0]._id));
    expect(child?.meta).toMatchObject({ workflowId: doubler, depth: 1, parentExecutionId: runId, parentStepId: null, trigger: { type: "subprocess", by: owner.id } });
  });

  it("an editor of the workflow may use it; a refused input and a failed child are failures the model sees", async () => {
    const failing = await published({ nodes: [startNode(), setNode("close", "x", '$error("the ledger is closed")'), endNode()], edges: line("start", "close", "end") }, "Close ledger");
    plan = { workflowIds: [failing], args: {} };
    const failed = await runAgent(editor);
    expect(failed.state.status).toBe("completed");
    expect(failed.output.outcome).toMatchObject({ ok: false, error: expect.stringMatching(/^the workflow "Close ledger" failed: .*the ledger is closed/) });

    plan = { workflowIds: [doubler], args: { amount: "lots" } };
    const refused = await runAgent(editor);
    expect(refused.output.outcome).toEqual({ ok: false, error: 'the input for "Double it!" was refused: The run input was refused: Amount must be a number.' });
    expect(await childrenOf(refused.runId)).toHaveLength(0);
  });

  it("a viewer's run may not use the workflow: the step fails naming it, and the workflow never runs", async () => {
    const before = await WorkflowExecution.countDocuments({ workflowId: doubler });
    plan = { workflowIds: [doubler], args: { amount: 1 } };
    const { state } = await runAgent(viewer);
    expect(state.status).toBe("failed");
    expect(state.error?.message).toContain(`the workflow ${doubler} chosen as a tool does not exist, or the person who started this run may not run it`);
    expect(await WorkflowExecution.countDocuments({ workflowId: doubler })).toBe(before);
  });

  it("an unpublished workflow is refused; a child still running at the call's time limit is reported and cancelled", async () => {
    const draft = await storeWorkflow(owner, { nodes: [startNode(), endNode()], edges: [e("start", "end")] });
    await Workflow.updateOne({ _id: draft }, { $set: { name: "Not yet" } });
    plan = { workflowIds: [draft], args: {} };
    const unpublished = await runAgent(owner);
    expect(unpublished.state.error?.message).toContain('the workflow "Not yet" chosen as a tool has no published version: publish it first');

    const sleeper = await published({ nodes: [startNode(), n("nap", "timer", { mode: "delay", delaySeconds: 3600 }), endNode()], edges: line("start", "nap", "end") }, "Sleeper");
    plan = { workflowIds: [sleeper], args: {}, callMs: 400 };
    const slow = await runAgent(owner);
    expect(slow.output.outcome).toMatchObject({ ok: false, error: expect.stringMatching(/^the workflow "Sleeper" did not finish within the time limit \(run [a-f0-9]{24} is (paused|running|pending)\)$/) });
    const [child] = await childrenOf(slow.runId);
    expect((await waitForStatus(String(child._id))).status).toBe("cancelled");
  });
});
