// Issue 13, item 1: every name the variable picker suggests must be exactly what the engine
// evaluates. A workflow with a node of every type runs for real (FerretDB, the runtime, the real
// executors: a local HTTP server, QuickJS, the simulated AI, an approver's task, a published
// child workflow); then, at every node, every suggestion is evaluated by the engine's evaluator
// against that run's data (read as the designer's preview reads it) and must give the value the
// run produced, never nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSuggestions } from "@/components/canvas/inspector/suggestions";
import type { Actor } from "@/lib/auth/roles";
import { credentialsProvider } from "@/lib/credentials/runtime";
import { evaluateExpression } from "@/lib/engine/expressions";
import { nodeTypes } from "@/lib/nodes/registry";
import { notificationsService } from "@/lib/notifications/send";
import { getRun } from "@/lib/runtime/queries";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, setNode, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { completeTask } from "@/lib/tasks/complete";
import { tasksService } from "@/lib/tasks/create";
import { saveVariable, variableNames } from "@/lib/variables/service";
import type { WorkflowGraph } from "@/lib/workflow/types";
import { HumanTask } from "@/models/HumanTask";
import { Notification } from "@/models/Notification";
import { User } from "@/models/User";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { executors } from "@/lib/nodes/executors";
import { latestIncomingData } from "./incoming-data";
import { publishWorkflow } from "./service";
import { person } from "./test-fixtures";


let server: LocalServer;
let worker: Worker;
let designer: Actor;
let approver: Actor & { email: string };

function everyType(childId: string): WorkflowGraph {
  return {
    nodes: [
      startNode([
        { name: "amount", type: "number", required: true },
        { name: "customer", type: "string", required: true },
        { name: "note_text", type: "string", required: false },
      ]),
      n("prep", "set", { assignments: [{ variable: "double", expression: "$input.amount * 2" }, { variable: "who", expression: "$input.customer" }] }, "Prepare"),
      n("fetch", "action", { method: "GET", url: `${server.url}/customers/{{ $input.amount }}`, headers: [], body: "", timeoutMs: 5_000 }, "Look up customer"),
      n("calc", "script", { source: "return { total: input.body.total + 1, tier: input.body.tier };", timeLimitMs: 2_000, memoryLimitMb: 32 }, "Compute"),
      n("think", "ai", { provider: "simulated", model: "simulated", systemPrompt: "Be brief.", promptTemplate: "Summarise {{ $nodes.calc.total }}", temperature: 0, maxTokens: 64, outputMode: "text" }, "Summarise"),
      n(
        "ask",
        "agent",
        {
          provider: "simulated",
          model: "simulated",
          systemPrompt: "Be brief.",
          goal: "Look up customer {{ $input.amount }}",
          tools: [{ kind: "http", name: "lookup_customer", description: "Looks up a customer", parameters: "", method: "GET", url: `${server.url}/customers/{{ $input.amount }}`, headers: [], body: "", timeoutMs: 5_000 }],
          maxToolCalls: 2,
          maxTokens: 10_000,
          timeoutMs: 10_000,
          outputMode: "text",
        },
        "Ask an agent",
      ),
      n("fan", "parallel", { mode: "split" }, "Side by side"),
      n("pause", "timer", { mode: "until", until: "$millis()" }, "Wait"),
      n("tell", "notification", { channel: "in_app", recipients: ["{{ $input.customer }}"], subjectTemplate: "Hello", bodyTemplate: "Total {{ $nodes.calc.total }}" }, "Tell"),
      n("meet", "parallel", { mode: "join" }, "Both done"),
      n("check", "decision", { branches: [{ id: "big", label: "Big", condition: "$input.amount > 100" }] }, "Big?"),
      n("approve", "human", { titleTemplate: "Approve {{ $input.amount }}", descriptionTemplate: "", candidateRoles: ["approver"], candidateUsers: [], formFields: [{ name: "comment", label: "Comment", kind: "textarea", required: false }], priority: "medium" }, "Approve"),
      n("child", "subprocess", { workflowId: childId, inputMapping: [{ key: "n", expression: "$input.amount" }], waitForResult: true }, "Child"),
      endNode("done", [{ key: "total", expression: "$nodes.calc.total" }]),
    ],
    edges: [
      e("start", "prep"),
      e("prep", "fetch"),
      e("fetch", "calc", "success"),
      e("calc", "think"),
      e("think", "ask"),
      e("ask", "fan"),
      e("fan", "pause"),
      e("fan", "tell"),
      e("pause", "meet"),
      e("tell", "meet"),
      e("meet", "check"),
      e("check", "approve", "big"),
      e("check", "approve", "default"),
      e("approve", "child", "approve"),
      e("approve", "child", "reject"),
      e("child", "done"),
    ],
  };
}

describe("every suggestion of the variable picker evaluates to what a real run produced", () => {
  beforeAll(async () => {
    await Promise.all([User.init(), HumanTask.init(), Notification.init()]);
    server = await startLocalServer();
    server.handle((_req, res) => sendJson(res, 200, { total: 41, tier: "gold" }));
    worker = testWorker({ executors, providers: { credentials: credentialsProvider, tasks: tasksService, notifications: notificationsService } });
    designer = await person("picker-designer@example.com", ["designer"]);
    approver = await person("picker-approver@example.com", ["approver"]);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await server.close();
  });

  it("at every node of every type", async () => {
    const childId = await storeWorkflow(designer, { nodes: [startNode([{ name: "n", type: "number", required: false }]), setNode("twice", "m", "$input.n * 2"), endNode("end", [{ key: "m", expression: "$vars.m" }])], edges: [e("start", "twice"), e("twice", "end")] });
    expect((await publishWorkflow(designer, { id: childId })).ok).toBe(true);
    const graph = everyType(childId);
    expect(new Set(graph.nodes.map((x) => x.type))).toEqual(new Set(nodeTypes));
    const workflowId = await storeWorkflow(designer, graph);
    expect(await saveVariable(designer, workflowId, null, { name: "rate", type: "number", value: "3" })).toMatchObject({ ok: true });

    const input = { amount: 250, customer: approver.email, note_text: "rush" };
    const started = await startRunFor(designer, { workflowId, mode: "test", input });
    if (!started.ok) throw new Error(started.message);
    const paused = await waitForStatus(started.runId, ["paused", "failed", "completed"]);
    expect(paused.error ?? null).toBeNull();
    expect(paused.status).toBe("paused");
    const task = await HumanTask.findOne({ executionId: started.runId }).lean();
    expect(await completeTask(approver, String(task!._id), { decision: "approve", values: { comment: "ok" } })).toMatchObject({ ok: true });
    const finished = await waitForStatus(started.runId);
    expect(finished.error ?? null).toBeNull();
    expect(finished.status).toBe("completed");

    // What the run produced, read from its step records (not from the state the preview binds).
    const run = (await getRun(designer, started.runId))!;
    const outputs = new Map<string, unknown>();
    for (const step of run.steps) if (step.status === "succeeded") outputs.set(step.nodeId, step.output);
    expect([...outputs.keys()].sort()).toEqual(graph.nodes.map((x) => x.id).sort());
    const expected = (suggestion: string): unknown => {
      const [, root, name] = /^\$(input|vars|nodes)\.(?:`([^`]+)`|(\w+))$/.exec(suggestion)?.filter(Boolean) ?? [];
      if (root === "input") return (input as Record<string, unknown>)[name];
      if (root === "nodes") return outputs.get(name);
      return ({ double: 500, who: approver.email, rate: 3 } as Record<string, unknown>)[name];
    };

    // Workflow variables only: global ones other test files leave behind are not this run's.
    const stored = (await variableNames(designer, workflowId)).filter((v) => v.scope === "workflow");
    let checked = 0;
    for (const node of graph.nodes) {
      const suggestions = buildSuggestions(graph, node.id, stored);
      const sourceIds = graph.edges.filter((x) => x.target === node.id).map((x) => x.source);
      const sample = await latestIncomingData(designer, workflowId, node.id, sourceIds);
      expect(sample, node.id).not.toBeNull();
      for (const { value: suggestion } of suggestions) {
        expect(suggestion, `${node.id}: the engine exposes an output at $nodes.<id>`).not.toMatch(/\.output\b/);
        const got = await evaluateExpression(suggestion, { input: sample!.value, ...sample!.scope }, { nodeId: node.id, nodeName: node.data.title, now: Date.now(), seed: "picker" });
        expect(got, `${suggestion} at ${node.id}`).not.toBeUndefined();
        expect(got, `${suggestion} at ${node.id}`).toEqual(expected(suggestion));
        checked++;
      }
    }
    // The end node alone is offered the three input fields, three variables and every step but the start.
    expect(buildSuggestions(graph, "done", stored).map((s) => s.value)).toEqual(
      expect.arrayContaining(["$input.amount", "$input.note_text", "$vars.rate", "$vars.double", "$vars.who", "$nodes.fetch", "$nodes.child", "$nodes.meet"]),
    );
    expect(checked).toBeGreaterThan(60);
  });
});
