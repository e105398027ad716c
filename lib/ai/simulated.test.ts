import { describe, expect, it } from "vitest";
import { generateText, jsonSchema, Output } from "ai";
import { z } from "zod";
import { createSimulatedModel, estimateTokens, topicOf } from "./simulated";
import { sampleFromSchema } from "./schema-sample";
import { seeded } from "./seeded";

const model = createSimulatedModel("simulated", { latencyMs: [0, 0] });

describe("the simulated (offline) model", () => {
  it("is a v3 language model that answers a prompt the same way every time", async () => {
    expect(model).toMatchObject({ specificationVersion: "v3", provider: "simulated" });
    const ask = (prompt: string) => generateText({ model, prompt, maxRetries: 0 });
    const [a, b, c] = await Promise.all([ask("Summarize the Q3 report"), ask("Summarize the Q3 report"), ask("Plan the offsite")]);
    expect(a.text).toBe(b.text);
    expect(a.text).not.toBe(c.text);
    expect(a.text).toContain("q3 report");
    expect(a.usage.outputTokens).toBe(estimateTokens(a.text));
    expect(a.usage.inputTokens).toBeGreaterThan(0);
  });

  it("writes roughly the length asked for, and stops at maxOutputTokens", async () => {
    const long = await generateText({ model, prompt: "Write a 300-word article about solar panels" });
    expect(long.text.split(" ").length).toBeGreaterThanOrEqual(300);
    const cut = await generateText({ model, prompt: "Write a 300-word article about solar panels", maxOutputTokens: 20 });
    expect(cut.text.length).toBeLessThanOrEqual(80);
    expect(cut.finishReason).toBe("length");
  });

  it("streams the same answer", async () => {
    const { stream } = await model.doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "Hello there" }] }] });
    let text = "";
    for await (const part of stream as unknown as AsyncIterable<{ type: string; delta?: string }>) if (part.type === "text-delta") text += part.delta;
    const generated = await generateText({ model, prompt: "Hello there" });
    expect(text).toBe(generated.text);
  });

  it("answers JSON mode with a value that follows the schema", async () => {
    const schema = {
      type: "object",
      properties: {
        category: { type: "string", enum: ["travel", "meals"] },
        amount: { type: "number", minimum: 10, maximum: 20 },
        count: { type: "integer", exclusiveMinimum: 0, maximum: 3 },
        tags: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 4 },
        when: { type: "string", format: "date" },
        contact: { $ref: "#/$defs/contact" },
        note: { anyOf: [{ type: "null" }, { type: "string", maxLength: 12 }] },
      },
      required: ["category", "amount", "count", "tags", "when", "contact"],
      $defs: { contact: { type: "object", properties: { email: { type: "string", format: "email" } }, required: ["email"] } },
    };
    const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    for (const prompt of ["Train to Lyon", "Lunch with a client", "Conference ticket"]) {
      const result = await generateText({ model, prompt, output: Output.object({ schema: jsonSchema(schema as never) }) });
      expect(validator.safeParse(result.output).success).toBe(true);
    }
  });
});

describe("schema samples and topics", () => {
  it("are deterministic per seed", () => {
    const schema = { type: "object", properties: { a: { type: "integer" }, b: { type: "boolean" } } };
    const one = sampleFromSchema(schema, { random: seeded("x"), topic: "" });
    expect(sampleFromSchema(schema, { random: seeded("x"), topic: "" })).toEqual(one);
  });

  it("pick the subject of the prompt", () => {
    expect(topicOf("Write a 300-word article about solar panels for homeowners.")).toBe("solar panels homeowners");
    expect(topicOf("Classify this claim: Train to Lyon")).toBe("train lyon");
  });
});
