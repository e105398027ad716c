// An agent step run by the real runtime on the real database: its transcript is in event_logs
// as readable fields (arguments and results as JSON text), its AI usage on the run, and the run
// page's transcript model reads it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentTranscripts } from "@/components/runs/agent-transcript-model";
import { startRunFor } from "@/lib/runtime/start";
import { getRun, listRunEvents } from "@/lib/runtime/queries";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { actor } from "@/lib/workflows/test-fixtures";
import { EventLog } from "@/models/EventLog";
import { sendJson, startLocalServer, type LocalServer } from "@/tests/local-http";
import { agentDefinition } from "./definition";
import { agentExecutor } from "./executor";

const designer = actor(["designer"]);
let worker: Worker;
let api: LocalServer;

beforeAll(async () => {
  api = await startLocalServer();
  worker = testWorker({ executors: { agent: agentExecutor } });
});
afterAll(async () => {
  await worker.stop(1_000);
  await api.close();
});

describe("an agent step's transcript on the real database", () => {
  it("stores each model turn and tool call as readable events the run page can show", async () => {
    api.handle((req, res) => sendJson(res, 200, { status: "shipped", order: req.url }));
    const agent = {
      ...agentDefinition.defaults(),
      goal: "Check the status of order {{ order }}",
      tools: [
        {
          kind: "http",
          name: "order_status",
          description: "Returns the status of an order",
          parameters: JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }),
          method: "GET",
          url: `${api.url}/orders/{{ args.id }}`,
          headers: [],
          body: "",
          timeoutMs: 2_000,
        },
      ],
    };
    const workflowId = await storeWorkflow(designer, {
      nodes: [startNode([{ name: "order", label: "Order", type: "number", required: true }]), n("agent", "agent", agent, "Order agent"), endNode("end", [{ key: "answer", expression: "text" }])],
      edges: [e("start", "agent"), e("agent", "end")],
    });
    const started = await startRunFor(designer, { workflowId, mode: "test", input: { order: 42 } });
    if (!started.ok) throw new Error(started.message);
    const state = await waitForStatus(started.runId);
    expect(state.status).toBe("completed");

    const stored = await EventLog.find({ runId: started.runId, type: { $in: ["agent_model", "agent_tool"] } }).sort({ seq: 1 }).lean();
    expect(stored.map((r) => r.type)).toEqual(["agent_model", "agent_tool", "agent_model"]);
    const [firstTurn, tool, answer] = stored.map((r) => r.data as Record<string, unknown>);
    expect(firstTurn).toMatchObject({ turn: 1, text: "To answer this I will use order_status (returns the status of an order).", toolCalls: [{ name: "order_status" }], provider: "simulated", model: "simulated", attempt: 1 });
    expect(typeof firstTurn.inputTokens).toBe("number");
    // Arguments and result are user values: JSON text inside readable fields.
    expect(tool).toMatchObject({ turn: 1, name: "order_status", source: expect.stringMatching(/^HTTP GET 127\.0\.0\.1:\d+$/), input: '{"id":42}', meta: { status: 200 } });
    expect(JSON.parse(tool.output as string)).toEqual({ status: 200, body: { status: "shipped", order: "/orders/42" } });
    expect(answer).toMatchObject({ turn: 2, toolCalls: [] });
    expect(answer.text).toMatch(/^I checked with order_status/);

    const run = await getRun(designer, started.runId);
    expect(run?.aiUsage).toEqual([expect.objectContaining({ provider: "simulated", model: "simulated", calls: 2 })]);
    expect(run?.output).toEqual({ answer: expect.stringMatching(/shipped/) });

    const [transcript] = agentTranscripts((await listRunEvents(designer, started.runId)) ?? []);
    expect(transcript).toMatchObject({ nodeId: "agent", attempt: 1, totals: { turns: 2, toolCalls: 1 } });
    expect(transcript.entries.map((x) => x.kind)).toEqual(["model", "tool", "model"]);
    expect(transcript.entries[1]).toMatchObject({ kind: "tool", name: "order_status", args: { id: 42 }, status: 200, result: { status: 200, body: { status: "shipped", order: "/orders/42" } } });
  });
});
