import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeContext } from "@/lib/nodes/test-context";
import { sendJson, startLocalServer, type LocalServer, type SeenRequest } from "@/tests/local-http";
import type { RevealedCredential } from "@/lib/credentials/kinds";
import { aiExecutor } from "./executor";
import type { AiConfig } from "./definition";

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());

const SCHEMA = JSON.stringify({
  type: "object",
  properties: { category: { type: "string", enum: ["travel", "meals"] }, unusual: { type: "boolean" } },
  required: ["category", "unusual"],
});

const credentials: Record<string, RevealedCredential> = { key: { name: "Local", type: "api_key", secret: { apiKey: "sk-local" } } };

function config(overrides: Partial<AiConfig> = {}): AiConfig {
  return {
    provider: "openai-compatible",
    model: "gpt-4o-mini",
    baseUrl: `${server.url}/v1`,
    credentialId: "key",
    systemPrompt: "You sort expenses.",
    promptTemplate: "Classify: {{ description }}",
    temperature: 0,
    maxTokens: 200,
    outputMode: "text",
    timeoutMs: 5_000,
    ...overrides,
  };
}

function completion(content: string, usage = { prompt_tokens: 1_000, completion_tokens: 500 }) {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "gpt-4o-mini",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

async function run(cfg: AiConfig) {
  const { ctx, record } = fakeContext({
    type: "ai",
    config: cfg as unknown as Record<string, unknown>,
    input: { description: "Train to Lyon" },
    services: { credentials: { reveal: async (id) => credentials[id] ?? null } },
  });
  return { result: await aiExecutor(ctx), record };
}

const body = (req: SeenRequest) => JSON.parse(req.body) as Record<string, unknown> & { messages: { role: string; content: string }[] };

describe("the AI step against a local OpenAI-compatible server", () => {
  it("sends the rendered prompt with the key, and records tokens and cost", async () => {
    server.handle((_req, res) => sendJson(res, 200, completion("Travel, nothing unusual.")));
    const { result, record } = await run(config());
    expect(result).toMatchObject({
      kind: "ok",
      output: { text: "Travel, nothing unusual.", provider: "openai-compatible", model: "gpt-4o-mini", usage: { inputTokens: 1_000, outputTokens: 500, priced: true } },
    });
    // gpt-4o-mini: $0.15 in and $0.60 out per million tokens.
    expect((result as { output: { usage: { cost: number } } }).output.usage.cost).toBeCloseTo(0.00045, 8);
    expect(record.aiUsage).toEqual([expect.objectContaining({ provider: "openai-compatible", model: "gpt-4o-mini", inputTokens: 1_000, outputTokens: 500, cost: 0.00045 })]);
    const seen = server.seen.at(-1)!;
    expect(seen.url).toBe("/v1/chat/completions");
    expect(seen.headers.authorization).toBe("Bearer sk-local");
    expect(body(seen)).toMatchObject({ model: "gpt-4o-mini", max_tokens: 200, temperature: 0 });
    expect(body(seen).messages).toEqual([
      { role: "system", content: "You sort expenses." },
      { role: "user", content: "Classify: Train to Lyon" },
    ]);
  });

  it("asks for JSON with the schema and returns the checked object", async () => {
    server.handle((_req, res) => sendJson(res, 200, completion('{"category":"travel","unusual":false}')));
    const { result } = await run(config({ outputMode: "json", jsonSchema: SCHEMA }));
    expect(result).toMatchObject({ kind: "ok", output: { object: { category: "travel", unusual: false } } });
    const sent = body(server.seen.at(-1)!);
    expect(sent.response_format).toMatchObject({ type: "json_schema", json_schema: { schema: JSON.parse(SCHEMA), strict: false } });
    expect(sent.messages[0].content).toContain('"enum":["travel","meals"]');
  });

  it("refuses JSON that does not follow the schema, as retryable, and still records the tokens", async () => {
    server.handle((_req, res) => sendJson(res, 200, completion('{"category":"boats"}')));
    const { result, record } = await run(config({ outputMode: "json", jsonSchema: SCHEMA }));
    expect(result).toMatchObject({ kind: "error", retryable: true, error: { code: "ai_bad_json" } });
    expect((result as { error: { message: string } }).error.message).toMatch(/category/);
    expect(record.aiUsage).toHaveLength(1);
  });

  it("returns a 429 as retryable with Retry-After, then succeeds", async () => {
    let calls = 0;
    server.handle((_req, res) =>
      ++calls === 1
        ? sendJson(res, 429, { error: { message: "Rate limit reached", type: "rate_limit" } }, { "retry-after": "3" })
        : sendJson(res, 200, completion("ok")),
    );
    const first = await run(config());
    expect(first.result).toMatchObject({ kind: "error", retryable: true, retryAfterMs: 3_000, error: { code: "ai_rate_limited" } });
    expect((first.result as { error: { message: string } }).error.message).toContain("Rate limit reached");
    expect((await run(config())).result).toMatchObject({ kind: "ok", output: { text: "ok" } });
    expect(calls).toBe(2);
  });

  it("shows the provider's error: a 4xx is final, a 5xx retryable", async () => {
    server.handle((_req, res) => sendJson(res, 404, { error: { message: "The model `nope` does not exist" } }));
    const notFound = await run(config({ model: "nope" }));
    expect(notFound.result).toMatchObject({ kind: "error", retryable: false, error: { code: "ai_http_404" } });
    expect((notFound.result as { error: { message: string } }).error.message).toContain("does not exist");
    server.handle((_req, res) => sendJson(res, 503, { error: { message: "overloaded" } }));
    expect((await run(config())).result).toMatchObject({ kind: "error", retryable: true, error: { code: "ai_http_503" } });
  });

  it("gives up after the step's time limit, as retryable", async () => {
    server.handle((_req, res) => void setTimeout(() => sendJson(res, 200, completion("late")), 2_500));
    const started = Date.now();
    const { result } = await run(config({ timeoutMs: 1_000 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ kind: "error", retryable: true });
    expect((result as { error: { message: string } }).error).toMatchObject({ code: "ai_timeout", message: expect.stringMatching(/did not answer within 1000 ms/) });
  });

  it("the OpenAI provider speaks the same API at a custom base URL", async () => {
    server.handle((_req, res) => sendJson(res, 200, completion("from openai")));
    const { result } = await run(config({ provider: "openai" }));
    expect(result).toMatchObject({ kind: "ok", output: { text: "from openai", provider: "openai" } });
    expect(server.seen.at(-1)!.url).toBe("/v1/chat/completions");
  });
});

describe("the simulated provider through the AI step", () => {
  const simulated = (overrides: Partial<AiConfig> = {}) =>
    config({ provider: "simulated", model: "simulated", baseUrl: undefined, credentialId: undefined, ...overrides });

  it("answers the same prompt the same way, with realistic token counts and no cost", async () => {
    const a = await run(simulated());
    const b = await run(simulated());
    expect(a.result).toEqual(b.result);
    const output = (a.result as { output: { text: string; usage: { inputTokens: number; outputTokens: number; cost: number } } }).output;
    expect(output.text.length).toBeGreaterThan(40);
    expect(output.usage.inputTokens).toBeGreaterThan(0);
    expect(output.usage.outputTokens).toBe(Math.ceil(output.text.length / 4));
    expect(output.usage.cost).toBe(0);
    expect(a.record.aiUsage[0]).toMatchObject({ provider: "simulated", cost: 0 });
  });

  it("answers JSON that follows the step's schema", async () => {
    const { result } = await run(simulated({ outputMode: "json", jsonSchema: SCHEMA }));
    expect(result).toMatchObject({ kind: "ok" });
    const object = (result as { output: { object: { category: string; unusual: boolean } } }).output.object;
    expect(["travel", "meals"]).toContain(object.category);
    expect(typeof object.unusual).toBe("boolean");
  });
});
