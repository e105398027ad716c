import { describe, expect, it } from "vitest";
import type { IncomingSample } from "./incoming-data";
import { formatValue, previewExpression, reasonOf, SHOWN_LIMIT } from "./preview";

const sample: IncomingSample = {
  runId: "r1",
  fromNodeId: "fetch",
  value: { status: "ok", items: [1, 2, 3] },
  scope: { runInput: { amount: 250, name: "Ada" }, vars: { limit: 100 }, nodes: { fetch: { status: "ok", items: [1, 2, 3] } }, run: { id: "r1", startedAt: 0 } },
};

describe("the try-it preview", () => {
  it("evaluates with the engine's bindings: $ is the incoming data, then $input, $vars, $nodes and $run", async () => {
    expect(await previewExpression("status", "jsonata", sample)).toEqual({ state: "value", text: '"ok"', full: '"ok"' });
    expect((await previewExpression("$input.amount > $vars.limit", "jsonata", sample)).text).toBe("true");
    expect((await previewExpression("$sum($nodes.fetch.items)", "jsonata", sample)).text).toBe("6");
    expect((await previewExpression("$run.id", "jsonata", sample)).text).toBe('"r1"');
  });

  it("says true or false for a condition, by JSONata's truthiness", async () => {
    expect(await previewExpression("$input.amount > 100", "condition", sample)).toMatchObject({ state: "value", text: "true" });
    expect(await previewExpression("amount > 100", "condition", sample)).toMatchObject({ state: "value", text: "false" });
    expect((await previewExpression("items", "condition", sample)).text).toBe("true");
  });

  it("renders a template as text", async () => {
    expect(await previewExpression("Hello {{ $input.name }}, {{ $count(items) }} items", "template", sample)).toMatchObject({ state: "value", text: "Hello Ada, 3 items" });
    expect((await previewExpression("{{ nothing }}", "template", sample)).text).toBe("(empty text)");
  });

  it("tells a path that finds nothing apart from a value", async () => {
    expect(await previewExpression("$nodes.fetch.output.status", "jsonata", sample)).toMatchObject({ state: "nothing" });
  });

  it("gives the evaluator's reason for a bad expression, without the engine's preamble", async () => {
    const bad = await previewExpression("$number('x') + ", "jsonata", sample);
    expect(bad.state).toBe("error");
    expect(bad.text).not.toMatch(/^Preview could not/);
    expect(bad.text.length).toBeGreaterThan(5);
    const thrown = await previewExpression("$error('boom')", "jsonata", sample);
    expect(thrown).toEqual({ state: "error", text: "boom (at character 7)" });
    const inTemplate = await previewExpression("a {{ $error('no `: way') }} b", "template", sample);
    expect(inTemplate.state).toBe("error");
    expect(inTemplate.text).toMatch(/^no `: way/);
  });

  it("stays bounded: an endless loop is stopped with a clear reason", async () => {
    const loop = await previewExpression("($f := function($n) { $f($n + 1) }; $f(0))", "jsonata", sample);
    expect(loop.state).toBe("error");
    expect(loop.text).toMatch(/recursion went too deep|evaluation steps|ran for more than/);
  });

  it("asks for a run when there is no data yet", async () => {
    expect(await previewExpression("status", "jsonata", null)).toEqual({ state: "no-run", text: "no run yet: run the workflow once to preview" });
  });

  it("cuts long values, keeping more in the tooltip text", () => {
    const long = formatValue("x".repeat(500), "jsonata");
    expect(long.state).toBe("value");
    expect(long.text).toHaveLength(SHOWN_LIMIT);
    expect(long.text.endsWith("…")).toBe(true);
    if (long.state === "value") expect(long.full.length).toBe(502);
    expect(formatValue({ a: [1, { b: null }] }, "jsonata").text).toBe('{"a":[1,{"b":null}]}');
    expect(formatValue(0, "condition").text).toBe("false");
  });

  it("leaves a message that is not the engine's as it is", () => {
    expect(reasonOf("something else", "x")).toBe("something else");
  });
});
