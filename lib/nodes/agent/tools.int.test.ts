// The agent step's workflow and MCP tools end to end: the real runtime worker on the real
// database runs an agent step whose tools are a local MCP server (the SDK's server on
// 127.0.0.1, behind a bearer credential stored like any other) or another published workflow,
// with the Simulated provider and with a scripted OpenAI-compatible server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agentTranscripts } from "@/components/runs/agent-transcript-model";
import type { Actor } from "@/lib/auth/roles";
import { credentialsProvider } from "@/lib/credentials/runtime";
import { createCredential } from "@/lib/credentials/service";
import type { ExecutorMap } from "@/lib/engine/executor";
import { requestCancel } from "@/lib/runtime/control";
import { historyOf, loadFullExecution } from "@/lib/runtime/execution-store";
import { getRun, listRunEvents } from "@/lib/runtime/queries";
import type { RuntimeServices } from "@/lib/runtime/services";
import { startRunFor } from "@/lib/runtime/start";
import { e, endNode, n, startNode, storeWorkflow, testWorker, waitForStatus } from "@/lib/runtime/test-support";
import type { Worker } from "@/lib/runtime/worker";
import { secretsProvider } from "@/lib/variables/fill-secrets";
import { publishWorkflow } from "@/lib/workflows/service";
import { testStep } from "@/lib/workflows/step-test";
import { person } from "@/lib/workflows/test-fixtures";
import { EventLog } from "@/models/EventLog";
import { Workflow } from "@/models/Workflow";
import { WorkflowExecution } from "@/models/WorkflowExecution";
import { sendJson, startLocalServer, type LocalServer, type SeenRequest } from "@/tests/local-http";
import { startMcpServer, type LocalMcpServer } from "@/tests/mcp-server";
import { agentDefinition, type AgentConfig, type AgentToolConfig } from "./definition";
import { agentExecutor } from "./executor";

const TOKEN = "mcp-bearer-5e1d";
let mcp: LocalMcpServer;
let llm: LocalServer;
let worker: Worker;
let owner: Actor;
let outsider: Actor;
let mcpCredential: string;
let llmCredential: string;
let doubler: string;

const executors = { agent: agentExecutor } as unknown as ExecutorMap<RuntimeServices>;
/** The worker's slots: few, so that agents waiting for their workflow tools can fill them all. */
const SLOTS = 2;

function agent(overrides: Partial<AgentConfig>): AgentConfig {
  return { ...(agentDefinition.defaults() as AgentConfig), timeoutMs: 20_000, ...overrides };
}

const mcpTool = (more: Partial<Extract<AgentToolConfig, { kind: "mcp" }>> = {}): AgentToolConfig => ({
  kind: "mcp",
  name: "Calculator",
  url: `${mcp.origin}/mcp`,
  transport: "streamable-http",
  credentialId: mcpCredential,
  only: ["add"],
  ...more,
});

/** Stores and starts (test mode) a workflow of `who` whose one step is the agent. */
async function startAgent(who: Actor, config: AgentConfig): Promise<string> {
  const workflowId = await storeWorkflow(who, {
    nodes: [startNode(), n("agent", "agent", config as unknown as Record<string, unknown>, "Agent"), endNode("end", [{ key: "answer", expression: "text" }])],
    edges: [e("start", "agent"), e("agent", "end")],
  });
  const started = await startRunFor(who, { workflowId, mode: "test", input: {} });
  if (!started.ok) throw new Error(started.message);
  return started.runId;
}

/** Waits for the run to end; its state and the agent step's history entry. */
async function ended(runId: string) {
  const state = await waitForStatus(runId, undefined, 25_000);
  const execution = await loadFullExecution(runId);
  const step = historyOf(execution!).find((h) => h.nodeId === "agent");
  return { runId, state, step };
}

const runAgent = async (who: Actor, config: AgentConfig) => ended(await startAgent(who, config));

async function transcriptOf(who: Actor, runId: string) {
  const transcripts = agentTranscripts((await listRunEvents(who, runId)) ?? []);
  expect(transcripts).toHaveLength(1);
  return transcripts[0];
}

beforeAll(async () => {
  [mcp, llm] = await Promise.all([startMcpServer({ token: TOKEN }), startLocalServer()]);
  worker = testWorker({ executors, concurrency: SLOTS, providers: { credentials: credentialsProvider, secrets: secretsProvider } });
  owner = await person("owner@agent-tools.test", ["designer"]);
  outsider = await person("outsider@agent-tools.test", ["designer"]);
  mcpCredential = (await createCredential(owner, { name: "Calculator token", type: "bearer", fields: { token: TOKEN } })).id!;
  llmCredential = (await createCredential(owner, { name: "Local model", type: "api_key", fields: { apiKey: "sk-local" } })).id!;
  // The workflow used as a tool: published by its owner, not shared with the outsider.
  doubler = await storeWorkflow(owner, {
    nodes: [startNode([{ name: "amount", label: "Amount", type: "number", required: true }]), endNode("end", [{ key: "doubled", expression: "amount * 2" }])],
    edges: [e("start", "end")],
  });
  await Workflow.updateOne({ _id: doubler }, { $set: { name: "Double it", description: "Doubles an amount." } });
  const published = await publishWorkflow(owner, { id: doubler });
  if (!published.ok) throw new Error(published.message);
});
afterAll(async () => {
  await worker.stop(1_000);
  await Promise.all([mcp.close(), llm.close()]);
});
beforeEach(() => {
  mcp.calls.length = 0;
  llm.seen.length = 0;
});

describe("an agent step with an MCP server's tool (Simulated provider)", () => {
  it("calls the tool through the bearer credential; the transcript shows its name, arguments and result", async () => {
    const { runId, state } = await runAgent(owner, agent({ goal: "Add 2 and 3", tools: [mcpTool()] }));
    expect(state.status).toBe("completed");
    expect(mcp.calls).toEqual(["add"]);

    const stored = await EventLog.find({ runId, type: "agent_tool" }).lean();
    expect(stored).toHaveLength(1);
    const tool = stored[0].data as Record<string, unknown>;
    expect(tool).toMatchObject({ name: "add", source: "MCP server Calculator", input: '{"a":2,"b":3}', meta: { server: "Calculator", tool: "add" } });
    expect(JSON.parse(tool.output as string)).toEqual({ sum: 5 });

    const transcript = await transcriptOf(owner, runId);
    expect(transcript.entries.map((x) => x.kind)).toEqual(["model", "tool", "model"]);
    expect(transcript.entries[0]).toMatchObject({ kind: "model", asked: ["add"] });
    expect(transcript.entries[1]).toMatchObject({ kind: "tool", name: "add", args: { a: 2, b: 3 }, result: { sum: 5 } });
    expect(transcript.entries[2]).toMatchObject({ kind: "model", text: expect.stringMatching(/^I checked with add\. It returned {"sum":5}\./) });
    expect(state.output?.value).toEqual({ answer: expect.stringContaining('{"sum":5}') });
    // No secret in the run's events.
    expect(JSON.stringify(await EventLog.find({ runId }).lean())).not.toContain(TOKEN);
  });

  it("over the SSE transport too", async () => {
    const { state } = await runAgent(owner, agent({ goal: "Add 40 and 2", tools: [mcpTool({ url: `${mcp.origin}/sse`, transport: "sse" })] }));
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ answer: expect.stringContaining('{"sum":42}') });
    expect(mcp.calls).toEqual(["add"]);
  });

  it("limits the tools to the server's names as the server spells them (text.upper) or as the model sees them (text_upper)", async () => {
    for (const only of [["text.upper"], ["text_upper"]]) {
      mcp.calls.length = 0;
      const { runId, state } = await runAgent(owner, agent({ goal: "Upper-case the text", tools: [mcpTool({ only })] }));
      expect(state.status).toBe("completed");
      expect(mcp.calls).toEqual(["text.upper"]);
      const stored = await EventLog.findOne({ runId, type: "agent_tool" }).lean();
      expect(stored?.data).toMatchObject({ name: "text_upper", meta: { server: "Calculator", tool: "text.upper" } });
    }
  });

  it("without the credential the server refuses: the step fails naming the server and the reason", async () => {
    const { state, step } = await runAgent(owner, agent({ goal: "Add 2 and 3", tools: [mcpTool({ credentialId: undefined })] }));
    expect(state.status).toBe("failed");
    expect(step?.error).toMatchObject({ code: "mcp_unavailable", message: `MCP server "Calculator" at ${mcp.origin}/mcp: it refused the credentials (HTTP 401 Unauthorized): check the credential set for it` });
    expect(mcp.calls).toEqual([]);
  });

  it("a tool that reports an error: the agent reads it as the tool's result and the transcript shows it", async () => {
    const { runId, state } = await runAgent(owner, agent({ goal: "Try the failing tool", tools: [mcpTool({ only: ["fail"] })] }));
    expect(state.status).toBe("completed");
    expect(mcp.calls).toEqual(["fail"]);
    const transcript = await transcriptOf(owner, runId);
    expect(transcript.entries[1]).toMatchObject({ kind: "tool", name: "fail", error: "the disk is full" });
    expect(state.output?.value).toEqual({ answer: expect.stringMatching(/^I tried fail, but it failed: the disk is full\./) });
  });

  it("a credential the run's starter may not use: the step fails before the server is contacted", async () => {
    const { state, step } = await runAgent(outsider, agent({ goal: "Add 2 and 3", tools: [mcpTool()] }));
    expect(state.status).toBe("failed");
    expect(step?.error).toMatchObject({ code: "credential_forbidden", message: expect.stringContaining(`may not use credential ${mcpCredential}`) });
    expect(mcp.calls).toEqual([]);
  });

  it("an unreachable server (a closed port) fails the step with the server's name and the reason", async () => {
    const gone = await startMcpServer();
    await gone.close();
    for (const [path, transport] of [["mcp", "streamable-http"], ["sse", "sse"]] as const) {
      const { runId, state, step } = await runAgent(owner, agent({ goal: "Add 2 and 3", tools: [mcpTool({ name: "Gone calculator", url: `${gone.origin}/${path}`, transport, credentialId: undefined })] }));
      expect(state.status).toBe("failed");
      expect(step?.error).toMatchObject({ code: "mcp_unavailable", message: `MCP server "Gone calculator" at ${gone.origin}/${path}: it could not be reached (connection refused)` });
      expect(state.error?.message).toContain('MCP server "Gone calculator"');
      // It failed before any model call.
      expect(await EventLog.countDocuments({ runId, type: "agent_model" })).toBe(0);
    }
  });
});

/** A published workflow that waits an hour. */
async function publishedSleeper(): Promise<string> {
  const sleeper = await storeWorkflow(owner, { nodes: [startNode(), n("nap", "timer", { mode: "delay", delaySeconds: 3600 }), endNode()], edges: [e("start", "nap"), e("nap", "end")] });
  await Workflow.updateOne({ _id: sleeper }, { $set: { name: "Sleeper" } });
  const published = await publishWorkflow(owner, { id: sleeper });
  if (!published.ok) throw new Error(published.message);
  return sleeper;
}

describe("an agent step with a published workflow as its tool (Simulated provider)", () => {
  it("runs the workflow as a child of the agent's run and shows the child's output in the transcript", async () => {
    const { runId, state } = await runAgent(owner, agent({ goal: "Double the amount 21", tools: [{ kind: "workflow", workflowId: doubler }] }));
    expect(state.status).toBe("completed");

    const children = await WorkflowExecution.find({ parentExecutionId: runId }).lean();
    expect(children).toHaveLength(1);
    const child = children[0];
    expect(String(child.workflowId)).toBe(doubler);
    expect((await waitForStatus(String(child._id))).output?.value).toEqual({ doubled: 42 });

    const transcript = await transcriptOf(owner, runId);
    expect(transcript.entries.map((x) => x.kind)).toEqual(["model", "tool", "model"]);
    expect(transcript.entries[1]).toMatchObject({ kind: "tool", name: "double_it", source: "workflow Double it", args: { amount: 21 }, result: { doubled: 42 } });
    const stored = await EventLog.findOne({ runId, type: "agent_tool" }).lean();
    expect((stored?.data as { meta?: unknown }).meta).toEqual({ runId: String(child._id) });
    expect(state.output?.value).toEqual({ answer: expect.stringContaining('{"doubled":42}') });
  });

  it("more agents than worker slots, each waiting for its workflow tool: the waits lend their slots, so every child runs", async () => {
    // Without the lending, SLOTS agents would hold every slot while waiting for children that no
    // slot is left to run, until their time limit.
    const config = agent({ goal: "Double the amount 5", timeoutMs: 10_000, tools: [{ kind: "workflow", workflowId: doubler }] });
    const runIds = await Promise.all(Array.from({ length: SLOTS + 1 }, () => startAgent(owner, config)));
    for (const runId of runIds) {
      const { state } = await ended(runId);
      expect(state.status).toBe("completed");
      expect(state.output?.value).toEqual({ answer: expect.stringContaining('{"doubled":10}') });
      expect(await WorkflowExecution.countDocuments({ parentExecutionId: runId, status: "completed" })).toBe(1);
    }
  });

  it("cancelling the agent's run while it waits for its workflow tool cancels the child run too", async () => {
    const sleeper = await publishedSleeper();
    const runId = await startAgent(owner, agent({ goal: "Sleep", tools: [{ kind: "workflow", workflowId: sleeper }] }));
    let child = null;
    for (const deadline = Date.now() + 10_000; !child && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      child = await WorkflowExecution.findOne({ parentExecutionId: runId }).lean();
    }
    expect(child).not.toBeNull();
    expect((await requestCancel(runId, { reason: "no longer needed" })).ok).toBe(true);
    expect((await ended(runId)).state.status).toBe("cancelled");
    expect((await waitForStatus(String(child!._id))).status).toBe("cancelled");
  });

  it("an agent whose time limit comes while its workflow tool runs fails with that limit, and the child run is cancelled", async () => {
    const sleeper = await publishedSleeper();
    const { runId, state, step } = await runAgent(owner, agent({ goal: "Sleep", timeoutMs: 1_500, tools: [{ kind: "workflow", workflowId: sleeper }] }));
    expect(state.status).toBe("failed");
    expect(step?.error?.message).toMatch(/time limit of (1\.5 s|1500 ms)/);
    const [child] = await WorkflowExecution.find({ parentExecutionId: runId }).lean();
    expect((await waitForStatus(String(child._id))).status).toBe("cancelled");
  });

  it("testing the agent step alone says that a workflow tool needs a run, instead of a missing run's id", async () => {
    const workflowId = await storeWorkflow(owner, {
      nodes: [startNode(), n("agent", "agent", agent({ goal: "Double the amount 21", tools: [{ kind: "workflow", workflowId: doubler }] }) as unknown as Record<string, unknown>, "Agent"), endNode()],
      edges: [e("start", "agent"), e("agent", "end")],
    });
    const tested = await testStep(owner, { id: workflowId, nodeId: "agent", input: { source: "json", text: "{}" } });
    expect(tested).toMatchObject({
      ok: true,
      result: {
        status: "failed",
        error: {
          code: "workflow_tool",
          message: "the workflow tools could not be prepared: workflow tools run only inside a run (each call is a child run of it), so a step tested alone cannot use them: start a test run of the workflow instead",
        },
      },
    });
  });

  it("a designer who may not run the tool's workflow: the step fails naming the refusal, and the workflow never runs", async () => {
    const before = await WorkflowExecution.countDocuments({ workflowId: doubler });
    const { runId, state, step } = await runAgent(outsider, agent({ goal: "Double the amount 21", tools: [{ kind: "workflow", workflowId: doubler }] }));
    expect(state.status).toBe("failed");
    expect(step?.error).toMatchObject({
      code: "workflow_tool",
      message: `the workflow tools could not be prepared: the workflow ${doubler} chosen as a tool does not exist, or the person who started this run may not run it`,
    });
    expect(await WorkflowExecution.countDocuments({ workflowId: doubler })).toBe(before);
    expect(await WorkflowExecution.countDocuments({ parentExecutionId: runId })).toBe(0);
  });
});

describe("an agent step with an MCP tool against a scripted OpenAI-compatible server", () => {
  type ChatBody = { messages: { role: string; content: unknown; tool_call_id?: string }[]; tools?: { function: { name: string; parameters: unknown } }[] };
  const chat = (req: SeenRequest) => JSON.parse(req.body) as ChatBody;
  const usage = { prompt_tokens: 500, completion_tokens: 50, total_tokens: 550 };
  const reply = (message: Record<string, unknown>, finish: string) => ({ id: "chatcmpl-1", object: "chat.completion", created: 1_767_225_600, model: "local-model", choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }], usage });

  it("the model calls the MCP tool, reads its result, then answers", async () => {
    const replies = [
      reply({ content: "I will add them.", tool_calls: [{ id: "call_1", type: "function", function: { name: "add", arguments: '{"a":19,"b":23}' } }] }, "tool_calls"),
      reply({ content: "19 + 23 = 42." }, "stop"),
    ];
    let i = 0;
    llm.handle((_req, res) => sendJson(res, 200, replies[Math.min(i++, replies.length - 1)]));
    const config = agent({ provider: "openai-compatible", model: "local-model", baseUrl: `${llm.url}/v1`, credentialId: llmCredential, goal: "What is 19 + 23?", tools: [mcpTool()] });
    const { runId, state } = await runAgent(owner, config);
    expect(state.status).toBe("completed");
    expect(state.output?.value).toEqual({ answer: "19 + 23 = 42." });
    expect(mcp.calls).toEqual(["add"]);

    expect(llm.seen).toHaveLength(2);
    expect(llm.seen[0].headers.authorization).toBe("Bearer sk-local");
    // The model was offered the MCP tool with the server's own schema.
    expect(chat(llm.seen[0]).tools?.map((t) => [t.function.name, t.function.parameters])).toEqual([["add", expect.objectContaining({ type: "object", required: ["a", "b"] })]]);
    const [shown] = chat(llm.seen[1]).messages.filter((m) => m.role === "tool");
    expect(shown.tool_call_id).toBe("call_1");
    expect(JSON.parse(shown.content as string)).toEqual({ sum: 42 });

    const transcript = await transcriptOf(owner, runId);
    expect(transcript.entries).toEqual([
      expect.objectContaining({ kind: "model", turn: 1, text: "I will add them.", asked: ["add"], inputTokens: 500, outputTokens: 50 }),
      expect.objectContaining({ kind: "tool", turn: 1, name: "add", source: "MCP server Calculator", args: { a: 19, b: 23 }, result: { sum: 42 } }),
      expect.objectContaining({ kind: "model", turn: 2, text: "19 + 23 = 42.", asked: [] }),
    ]);
    const run = await getRun(owner, runId);
    expect(run?.aiUsage).toEqual([expect.objectContaining({ provider: "openai-compatible", model: "local-model", calls: 2, inputTokens: 1_000, outputTokens: 100 })]);
  });
});
