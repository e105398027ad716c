// The agent step against a local OpenAI-compatible server that answers with scripted tool calls,
// and HTTP tools against a second local server; the simulated provider offline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeContext } from "@/lib/nodes/test-context";
import { sendJson, startLocalServer, type LocalServer, type SeenRequest } from "@/tests/local-http";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import type { AgentEntry } from "@/lib/runtime/services";
import { agentExecutor } from "./executor";
import type { AgentConfig, HttpToolConfig } from "./definition";

let llm: LocalServer;
let api: LocalServer;
beforeAll(async () => {
  [llm, api] = await Promise.all([startLocalServer(), startLocalServer()]);
});
afterAll(() => Promise.all([llm.close(), api.close()]));
beforeEach(() => {
  llm.seen.length = 0;
  api.seen.length = 0;
});

const credentials: Record<string, RevealedCredential> = {
  llmKey: { name: "Local model", type: "api_key", secret: { apiKey: "sk-local" } },
  orders: { name: "Orders API", type: "bearer", secret: { token: "orders-token" } },
};

function orderTool(overrides: Partial<HttpToolConfig> = {}): HttpToolConfig {
  return {
    kind: "http",
    name: "lookup_order",
    description: "Looks up an order by its number and returns its status",
    parameters: JSON.stringify({ type: "object", properties: { id: { type: "integer" } }, required: ["id"] }),
    method: "GET",
    url: `${api.url}/orders/{{ args.id }}?customer={{ customer }}`,
    headers: [{ key: "X-Source", value: "agent {{ args.id }}" }],
    body: "",
    credentialId: "orders",
    timeoutMs: 2_000,
    ...overrides,
  };
}

function config(overrides: Partial<AgentConfig> = {}): AgentConfig {
  return {
    provider: "openai-compatible",
    model: "gpt-4o-mini",
    baseUrl: `${llm.url}/v1`,
    credentialId: "llmKey",
    systemPrompt: "You answer customers about their orders.",
    goal: "Where is order {{ order }}?",
    tools: [orderTool()],
    maxToolCalls: 10,
    maxTokens: 100_000,
    timeoutMs: 10_000,
    outputMode: "text",
    ...overrides,
  };
}

const usage = { prompt_tokens: 1_000, completion_tokens: 100, total_tokens: 1_100 };

function answer(content: string) {
  return { id: "chatcmpl-a", object: "chat.completion", created: 1_767_225_600, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage };
}

function toolCalls(calls: { id: string; name: string; args: string }[], content: string | null = null) {
  return {
    id: "chatcmpl-t",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "gpt-4o-mini",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.args } })) },
        finish_reason: "tool_calls",
      },
    ],
    usage,
  };
}

type ChatBody = { messages: { role: string; content: unknown; tool_call_id?: string }[]; tool_choice?: unknown; tools?: { function: { name: string } }[]; response_format?: unknown };
const chat = (req: SeenRequest) => JSON.parse(req.body) as ChatBody;
const toolMessages = (req: SeenRequest) => chat(req).messages.filter((m) => m.role === "tool");

/** Answers the model's requests in order, one scripted reply each. */
function script(...replies: unknown[]) {
  let i = 0;
  llm.handle((_req, res) => sendJson(res, 200, replies[Math.min(i++, replies.length - 1)]));
}

async function run(cfg: AgentConfig) {
  const { ctx, record } = fakeContext({
    type: "agent",
    config: cfg as unknown as Record<string, unknown>,
    input: { order: 42, customer: "acme" },
    services: { credentials: { reveal: async (id) => credentials[id] ?? null } },
  });
  return { result: await agentExecutor(ctx), record };
}

const tools = (entries: AgentEntry[]) => entries.filter((e): e is Extract<AgentEntry, { kind: "tool" }> => e.kind === "tool");
const models = (entries: AgentEntry[]) => entries.filter((e): e is Extract<AgentEntry, { kind: "model" }> => e.kind === "model");

describe("the agent step against a scripted OpenAI-compatible server", () => {
  it("calls the HTTP tool with the credential, shows the model the result, and returns the answer", async () => {
    api.handle((req, res) => sendJson(res, 200, { id: 42, status: "shipped", path: req.url }));
    script(toolCalls([{ id: "call_1", name: "lookup_order", args: '{"id":42}' }], "Let me look that up."), answer("Order 42 has shipped."));
    const { result, record } = await run(config());

    expect(result).toMatchObject({ kind: "ok", output: { text: "Order 42 has shipped.", turns: 2, toolCalls: 1, usage: { inputTokens: 2_000, outputTokens: 200 } } });
    // The tool's request: arguments and run data in the templates, the credential, an idempotency key.
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0].url).toBe("/orders/42?customer=acme");
    expect(api.seen[0].headers.authorization).toBe("Bearer orders-token");
    expect(api.seen[0].headers["x-source"]).toBe("agent 42");
    expect(api.seen[0].headers["idempotency-key"]).toMatch(/lookup_order#1$/);
    // The model: the key, the tool offered, then the tool's result in the second request.
    expect(llm.seen[0].headers.authorization).toBe("Bearer sk-local");
    expect(chat(llm.seen[0]).tools?.map((t) => t.function.name)).toEqual(["lookup_order"]);
    expect(chat(llm.seen[0]).messages.at(-1)).toEqual({ role: "user", content: "Where is order 42?" });
    const [shown] = toolMessages(llm.seen[1]);
    expect(shown.tool_call_id).toBe("call_1");
    expect(JSON.parse(shown.content as string)).toEqual({ status: 200, body: { id: 42, status: "shipped", path: "/orders/42?customer=acme" } });
    // The transcript: thought, tool call with its result, answer; usage per model call.
    expect(models(record.agent).map((m) => [m.turn, m.text, m.toolCalls.map((c) => c.name)])).toEqual([
      [1, "Let me look that up.", ["lookup_order"]],
      [2, "Order 42 has shipped.", []],
    ]);
    expect(tools(record.agent)).toEqual([
      expect.objectContaining({ turn: 1, name: "lookup_order", args: { id: 42 }, result: { status: 200, body: expect.objectContaining({ status: "shipped" }) }, meta: { status: 200 }, source: `HTTP GET ${new URL(api.url).host}` }),
    ]);
    expect(record.aiUsage).toHaveLength(2);
    expect(record.aiUsage[0]).toMatchObject({ provider: "openai-compatible", model: "gpt-4o-mini", inputTokens: 1_000, outputTokens: 100 });
  });

  it("shows a failing tool's error to the model as its result, and the transcript shows it", async () => {
    api.handle((_req, res) => sendJson(res, 503, { error: "orders database is down" }));
    script(toolCalls([{ id: "call_1", name: "lookup_order", args: '{"id":42}' }]), answer("I could not reach the order system."));
    const { result, record } = await run(config());

    expect(result).toMatchObject({ kind: "ok", output: { text: "I could not reach the order system." } });
    const [shown] = toolMessages(llm.seen[1]);
    expect(shown.content).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/orders\/42\?… answered 503.*orders database is down/);
    expect(tools(record.agent)[0]).toMatchObject({ name: "lookup_order", error: expect.stringContaining("answered 503"), meta: { status: 503 } });
    expect(tools(record.agent)[0].result).toBeUndefined();
  });

  it("shows a tool that times out as an error result", async () => {
    api.handle(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 600));
      sendJson(res, 200, { late: true });
    });
    script(toolCalls([{ id: "call_1", name: "lookup_order", args: '{"id":7}' }]), answer("The order system is slow right now."));
    const { result, record } = await run(config({ tools: [orderTool({ timeoutMs: 150 })] }));

    expect(result).toMatchObject({ kind: "ok" });
    expect(toolMessages(llm.seen[1])[0].content).toMatch(/did not answer within 150 ms/);
    expect(tools(record.agent)[0].error).toMatch(/did not answer within 150 ms/);
  });

  it("answers an unknown tool and arguments that do not match the schema with errors, then goes on", async () => {
    api.handle((_req, res) => sendJson(res, 200, { status: "shipped" }));
    script(
      toolCalls([
        { id: "call_1", name: "delete_everything", args: "{}" },
        { id: "call_2", name: "lookup_order", args: '{"id":"forty-two"}' },
        { id: "call_3", name: "lookup_order", args: "{not json" },
      ]),
      answer("Sorry, I could not look it up."),
    );
    const { result, record } = await run(config());

    expect(result).toMatchObject({ kind: "ok", output: { text: "Sorry, I could not look it up.", toolCalls: 3 } });
    expect(api.seen).toHaveLength(0);
    const shown = toolMessages(llm.seen[1]);
    expect(shown.map((m) => m.tool_call_id)).toEqual(["call_1", "call_2", "call_3"]);
    expect(shown[0].content).toMatch(/there is no tool called "delete_everything"; the tools are: lookup_order/);
    expect(shown[1].content).toMatch(/arguments do not match the tool's parameters: id: /);
    expect(shown[2].content).toMatch(/not valid JSON|do not match/);
    const calls = tools(record.agent);
    expect(calls.map((c) => c.name)).toEqual(["delete_everything", "lookup_order", "lookup_order"]);
    expect(calls.every((c) => typeof c.error === "string")).toBe(true);
    expect(calls[1].args).toEqual({ id: "forty-two" });
  });

  it("stops at the tool-call limit: calls beyond it are not run, and a model that keeps asking fails the step", async () => {
    api.handle((_req, res) => sendJson(res, 200, { status: "shipped" }));
    // This server ignores tool_choice and always asks for two more lookups.
    script(toolCalls([{ id: "call_a", name: "lookup_order", args: '{"id":1}' }, { id: "call_b", name: "lookup_order", args: '{"id":2}' }]));
    const { result, record } = await run(config({ maxToolCalls: 3 }));

    expect(result).toMatchObject({ kind: "error", retryable: false, error: { code: "tool_limit", message: "the agent used its 3 tool calls and still asked for more instead of answering" } });
    expect(api.seen).toHaveLength(3);
    const calls = tools(record.agent);
    expect(calls).toHaveLength(4);
    expect(calls[3]).toMatchObject({ source: "limit", error: "not run: this step allows at most 3 tool calls" });
    // After the limit the model is asked for an answer with tools switched off.
    expect(chat(llm.seen[2]).tool_choice).toBe("none");
    expect(chat(llm.seen[2]).messages.at(-1)).toEqual({ role: "user", content: "You have used all 3 tool calls this step allows. Answer now with what you have." });
    expect(models(record.agent).map((m) => m.purpose)).toEqual([undefined, undefined, "final"]);
    // The refused call still cost its tokens.
    expect(record.aiUsage).toHaveLength(3);
    expect(record.aiUsage[2]).toMatchObject({ inputTokens: 1_000, outputTokens: 100 });
  });

  it("at the tool-call limit, takes the answer the model then gives", async () => {
    api.handle((_req, res) => sendJson(res, 200, { status: "shipped" }));
    llm.handle((req, res) => {
      const body = chat(req);
      sendJson(res, 200, body.tool_choice === "none" ? answer("Both orders shipped.") : toolCalls([{ id: `c${llm.seen.length}`, name: "lookup_order", args: '{"id":1}' }]));
    });
    const { result } = await run(config({ maxToolCalls: 2 }));
    expect(result).toMatchObject({ kind: "ok", output: { text: "Both orders shipped.", toolCalls: 2, turns: 3, stoppedAtToolLimit: true } });
  });

  it("fails with a clear error when the token budget runs out", async () => {
    api.handle((_req, res) => sendJson(res, 200, { status: "shipped" }));
    script(toolCalls([{ id: "call_1", name: "lookup_order", args: '{"id":42}' }]));
    const { result } = await run(config({ maxTokens: 1_500 }));
    expect(result).toMatchObject({ kind: "error", error: { code: "token_limit", message: "the agent used 2200 tokens, its limit of 1500, before it reached an answer" } });
  });

  it("stops at its time limit with a clear error", async () => {
    llm.handle(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 1_500));
      sendJson(res, 200, answer("Too late."));
    });
    const { result } = await run(config({ timeoutMs: 1_000 }));
    expect(result).toEqual({ kind: "error", retryable: false, error: { code: "time_limit", message: "the agent did not finish within its time limit of 1 s" } });
  });

  describe("JSON answers", () => {
    const schema = JSON.stringify({ type: "object", properties: { status: { type: "string", enum: ["shipped", "pending"] } }, required: ["status"] });

    it("repairs an invalid answer once", async () => {
      script(answer("It has shipped!"), answer('```json\n{"status":"shipped"}\n```'));
      const { result, record } = await run(config({ tools: [], outputMode: "json", jsonSchema: schema }));
      expect(result).toMatchObject({ kind: "ok", output: { object: { status: "shipped" }, turns: 2 } });
      expect(chat(llm.seen[1]).messages.at(-1)?.content).toMatch(/^Your answer cannot be used: the answer is not valid JSON/);
      expect(models(record.agent).map((m) => m.purpose)).toEqual([undefined, "repair"]);
    });

    it("fails naming the schema error when the repaired answer is still wrong", async () => {
      script(answer("shipped"), answer('{"status":"lost"}'));
      const { result } = await run(config({ tools: [], outputMode: "json", jsonSchema: schema }));
      expect(result).toMatchObject({ kind: "error", retryable: false, error: { code: "invalid_json" } });
      const message = (result as { error: { message: string } }).error.message;
      expect(message).toMatch(/did not give valid JSON after one repair attempt: the answer does not match the JSON schema: status: /);
      expect(llm.seen).toHaveLength(2);
    });
  });

  it("fails the step naming the model when the provider refuses the key", async () => {
    llm.handle((_req, res) => sendJson(res, 401, { error: { message: "Incorrect API key provided" } }));
    const { result } = await run(config());
    expect(result).toMatchObject({ kind: "error", retryable: false });
    expect((result as { error: { message: string } }).error.message).toMatch(/gpt-4o-mini.*Incorrect API key/);
  });
});

describe("the agent step with the simulated provider", () => {
  const simulated = (): AgentConfig =>
    config({
      provider: "simulated",
      model: "simulated",
      baseUrl: undefined,
      credentialId: undefined,
      goal: "Check the status of order {{ order }}",
      tools: [
        orderTool({ name: "send_email", description: "Sends an email to a person", url: `${api.url}/mail`, credentialId: undefined }),
        orderTool({ name: "order_status", description: "Returns the status of an order", credentialId: undefined }),
      ],
    });

  it("calls the tool that matches the goal with arguments from it, then answers with the result, the same way every time", async () => {
    api.handle((req, res) => sendJson(res, 200, { status: "shipped", path: req.url }));
    const first = await run(simulated());
    const second = await run(simulated());

    expect(first.result).toMatchObject({ kind: "ok", output: { toolCalls: 1, turns: 2, provider: "simulated" } });
    expect(api.seen.map((r) => r.url)).toEqual(["/orders/42?customer=acme", "/orders/42?customer=acme"]);
    const text = (first.result as { output: { text: string } }).output.text;
    expect(text).toMatch(/^I checked with order_status\. It returned .*shipped/);
    expect(tools(first.record.agent)).toEqual([expect.objectContaining({ name: "order_status", args: { id: 42 } })]);
    const strip = (entries: AgentEntry[]) => entries.map((e) => ({ ...e, durationMs: 0 }));
    expect(strip(second.record.agent)).toEqual(strip(first.record.agent));
    expect(first.record.aiUsage.map((u) => u.provider)).toEqual(["simulated", "simulated"]);
  });
});
