import { describe, expect, it } from "vitest";
import { evaluateExpression, ExpressionFailure, isTruthy, renderTemplate, type EvalScope, type EvalTarget } from "./expressions";
import { fixture } from "./fixtures";
import { runToEnd } from "./harness";

const scope: EvalScope = {
  input: { amount: 150, items: [{ price: 2 }, { price: 3 }] },
  runInput: { customer: "Ada" },
  vars: { total: 5 },
  nodes: { fetch: { status: 200 } },
  run: { id: "run-1", startedAt: 0 },
};
const target: EvalTarget = { nodeId: "check", nodeName: '"Check"', now: Date.UTC(2026, 4, 6, 7, 8, 9), seed: "run-1/check#1/1" };

async function failureOf(promise: Promise<unknown>): Promise<ExpressionFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ExpressionFailure)) throw new Error(`expected an ExpressionFailure, got ${String(error)}`);
  return error;
}

describe("evaluateExpression", () => {
  it("sees the step input as $, and $input, $vars, $nodes, $run", async () => {
    const source = "[amount, $sum(items.price), $input.customer, $vars.total, $nodes.fetch.status, $run.id]";
    expect(await evaluateExpression(source, scope, target)).toEqual([150, 5, "Ada", 5, 200, "run-1"]);
  });

  it("returns plain JSON: sequences become arrays", async () => {
    const value = await evaluateExpression("items.price", scope, target);
    expect(Object.keys(value as object)).toEqual(["0", "1"]);
    expect(JSON.stringify(value)).toBe("[2,3]");
  });

  it("answers $now() and $millis() from the step's time, not the wall clock", async () => {
    expect(await evaluateExpression("$now()", scope, target)).toBe("2026-05-06T07:08:09.000Z");
    expect(await evaluateExpression("$millis()", scope, target)).toBe(target.now);
    expect(await evaluateExpression("$now('[Y0001]-[M01]-[D01]', '+0200')", scope, target)).toBe("2026-05-06");
  });

  it("seeds $random() and $shuffle() from the step, so they repeat", async () => {
    const a = await evaluateExpression("[$random(), $random(), $shuffle([1,2,3,4,5,6])]", scope, target);
    const b = await evaluateExpression("[$random(), $random(), $shuffle([1,2,3,4,5,6])]", scope, target);
    const other = await evaluateExpression("[$random(), $random(), $shuffle([1,2,3,4,5,6])]", scope, { ...target, seed: "other" });
    expect(a).toEqual(b);
    expect(a).not.toEqual(other);
  });

  it("names the node, what failed and the expression in its errors", async () => {
    const error = await failureOf(evaluateExpression('amount + "x"', scope, { ...target, path: "branches.0.condition", label: 'the condition of branch "Big"' }));
    expect(error.message).toMatch(/^"Check" could not evaluate the condition of branch "Big" `amount \+ "x"`: .+ \(at character \d+\)$/);
    expect(error.detail).toMatchObject({ code: "expression", nodeId: "check", expression: 'amount + "x"', path: "branches.0.condition" });
  });

  it("reports a syntax error too", async () => {
    const error = await failureOf(evaluateExpression("amount >", scope, target));
    expect(error.message).toMatch(/^"Check" could not evaluate an expression `amount >`/);
  });

  it("stops an endless recursion and an endless loop with a clear message", async () => {
    const recursion = await failureOf(evaluateExpression("($f := function($n) { $f($n + 1) }; $f(0))", scope, target));
    // The deterministic step budget normally stops it; the wall-clock limit is the backstop on a slow machine.
    expect(recursion.message).toMatch(/took more than 500,000 evaluation steps|ran for more than 1000 ms/);
    const loop = await failureOf(evaluateExpression("$count([1..10000000].($ + 1))", scope, target));
    expect(loop.message).toMatch(/it built a list of more than 100,000 items$/);
  }, 20_000);

  it("hands the event loop back while a long evaluation runs, and refuses a backtracking regex", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const recursion = await failureOf(evaluateExpression("($f := function($n) { $f($n + 1) }; $f(0))", scope, target));
    clearInterval(timer);
    expect(recursion.message).toMatch(/evaluation steps|ran for more than/);
    // Without the hook's setImmediate the interval could not fire until the evaluation ended.
    expect(ticks).toBeGreaterThan(5);
    const regex = await failureOf(evaluateExpression("$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', /(a+)+$/)", scope, target));
    expect(regex.message).toMatch(/repeats a group that itself repeats/);
  }, 20_000);

  it("refuses a function as a result", async () => {
    const error = await failureOf(evaluateExpression("function($x) { $x }", scope, target));
    expect(error.message).toMatch(/the result is a function/);
  });
});

describe("renderTemplate", () => {
  it("fills placeholders: strings as they are, other values as JSON, nothing as empty", async () => {
    const text = await renderTemplate("Hi {{ $input.customer }}: {{ amount }} {{ items[0] }} [{{ missing }}]", scope, target);
    expect(text).toBe('Hi Ada: 150 {"price":2} []');
  });

  it("names the node when a placeholder fails", async () => {
    const error = await failureOf(renderTemplate("Total {{ amount + 'x' }}", scope, { ...target, label: "the prompt" }));
    expect(error.message).toMatch(/^"Check" could not evaluate the prompt `amount \+ 'x'`/);
  });
});

describe("isTruthy", () => {
  it("follows JSONata's $boolean", () => {
    expect([true, 1, "a", [0, 1], { a: 1 }, [true]].map(isTruthy)).toEqual([true, true, true, true, true, true]);
    expect([false, 0, "", [], {}, null, undefined, [0], [false]].map(isTruthy)).toEqual(Array(9).fill(false));
  });
});

describe("expression errors in a run", () => {
  it("fail the node, without retries, with a message naming the node and the expression", async () => {
    const version = fixture("decision");
    version.settings = { maxRetries: 3 };
    const branches = version.nodes[1].data.config.branches as { condition: string }[];
    branches[0].condition = '$input.amount + "x" > 1';
    const sim = await runToEnd(version, { amount: 5 });
    expect(sim.state.status).toBe("failed");
    expect(sim.state.error).toMatchObject({
      nodeId: "size",
      stepId: "size#1",
      code: "expression",
      expression: '$input.amount + "x" > 1',
      path: "branches.0.condition",
    });
    expect(sim.state.error?.message).toMatch(/^"Size" could not evaluate the condition of branch "Big" `\$input\.amount \+ "x" > 1`: /);
    expect(sim.events.filter((e) => e.type === "node_error")).toHaveLength(1);
  });
});
