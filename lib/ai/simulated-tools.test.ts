import { generateText, jsonSchema, tool } from "ai";
import { describe, expect, it } from "vitest";
import { createSimulatedModel } from "./simulated";
import { argumentsFor, chooseTool, namedTools } from "./simulated-tools";
import { seeded } from "./seeded";

const fn = (name: string, description: string, inputSchema: Record<string, unknown> = { type: "object", properties: {} }) => ({ type: "function" as const, name, description, inputSchema: inputSchema as never });

describe("the simulated provider's tool choice", () => {
  const tools = [fn("send_email", "Sends an email to a person"), fn("order_status", "Returns the status of an order"), fn("weather", "Today's weather in a city")];

  it("picks the tool whose name and description share the most words with the request", () => {
    expect(chooseTool(tools, "Check the status of order 42")?.name).toBe("order_status");
    expect(chooseTool(tools, "Email Ada about the launch")?.name).toBe("send_email");
    expect(chooseTool(tools, "What is the weather in Lyon?")?.name).toBe("weather");
  });

  it("takes the first tool when nothing matches", () => {
    expect(chooseTool(tools, "zzz")?.name).toBe("send_email");
  });

  it("fills number fields with the request's numbers and text fields with its topic", () => {
    const schema = { type: "object", properties: { id: { type: "integer" }, note: { type: "string" }, level: { type: "string", enum: ["low", "high"] } } };
    const args = argumentsFor(schema, "Check the status of order 42", { random: seeded("x"), topic: "status order 42" });
    expect(args).toMatchObject({ id: 42, note: "status order 42" });
    expect(["low", "high"]).toContain(args.level);
  });

  it("calls the tool, then answers with its result, the same way each time", async () => {
    const model = createSimulatedModel("simulated", { latencyMs: [0, 0] });
    const sdkTools = {
      order_status: tool({ description: "Returns the status of an order", inputSchema: jsonSchema({ type: "object", properties: { id: { type: "integer" } } }) }),
      send_email: tool({ description: "Sends an email", inputSchema: jsonSchema({ type: "object", properties: { to: { type: "string" } } }) }),
    };
    const ask = () => generateText({ model, tools: sdkTools, prompt: "Check the status of order 42" });
    const [first, again] = [await ask(), await ask()];
    expect(first.toolCalls).toEqual([expect.objectContaining({ toolName: "order_status", input: { id: 42 } })]);
    expect(first.finishReason).toBe("tool-calls");
    expect(again.toolCalls.map((c) => [c.toolCallId, c.input])).toEqual(first.toolCalls.map((c) => [c.toolCallId, c.input]));

    const answer = await generateText({
      model,
      tools: sdkTools,
      messages: [
        { role: "user", content: "Check the status of order 42" },
        ...first.response.messages.filter((m) => m.role === "assistant"),
        { role: "tool", content: [{ type: "tool-result", toolCallId: first.toolCalls[0].toolCallId, toolName: "order_status", output: { type: "json", value: { status: "shipped" } } }] },
      ],
    });
    expect(answer.toolCalls).toEqual([]);
    expect(answer.text).toBe('I checked with order_status. It returned {"status":"shipped"}. That is what I found about status order 42.');
  });

  it("finds the tools a request names word for word, in the order named", () => {
    expect(namedTools(tools, "Use send_email, then weather; not order_statuses").map((t) => t.name)).toEqual(["send_email", "weather"]);
    expect(namedTools(tools, "First order_status, then the weathers and send_email").map((t) => t.name)).toEqual(["order_status", "send_email"]);
  });

  it("calls each tool the request names once, in that order, then answers from all their results", async () => {
    const model = createSimulatedModel("simulated", { latencyMs: [0, 0] });
    const sdkTools = {
      order_status: tool({ description: "Returns the status of an order", inputSchema: jsonSchema({ type: "object", properties: { id: { type: "integer" } } }) }),
      weather: tool({ description: "Today's weather in a city", inputSchema: jsonSchema({ type: "object", properties: {} }) }),
      send_email: tool({ description: "Sends an email", inputSchema: jsonSchema({ type: "object", properties: {} }) }),
    };
    const request = "Check order 42 with order_status, then send_email about it";
    const messages: Parameters<typeof generateText>[0]["messages"] & object = [{ role: "user", content: request }];
    const called: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      const result = await generateText({ model, tools: sdkTools, messages });
      if (result.toolCalls.length === 0) {
        expect(result.text).toBe('I checked with order_status, send_email. order_status returned {"n":1}; send_email returned {"n":2}. That is what I found about the request.');
        break;
      }
      const [toolCall] = result.toolCalls;
      called.push(toolCall.toolName);
      messages.push(...result.response.messages.filter((m) => m.role === "assistant"));
      messages.push({ role: "tool", content: [{ type: "tool-result", toolCallId: toolCall.toolCallId, toolName: toolCall.toolName, output: { type: "json", value: { n: called.length } } }] });
    }
    expect(called).toEqual(["order_status", "send_email"]);
  });

  it("does not call tools when told not to", async () => {
    const model = createSimulatedModel("simulated", { latencyMs: [0, 0] });
    const result = await generateText({
      model,
      tools: { order_status: tool({ description: "Returns the status of an order", inputSchema: jsonSchema({ type: "object" }) }) },
      toolChoice: "none",
      prompt: "Check the status of order 42",
    });
    expect(result.toolCalls).toEqual([]);
    expect(result.text.length).toBeGreaterThan(20);
  });
});
