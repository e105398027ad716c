// The rules each type adds beyond plain field types, with the messages a designer reads.
import { describe, expect, it } from "vitest";
import { exampleConfig } from "@/lib/engine/test-graphs";
import { getNodeDefinition } from "./registry";
import { newBranchId } from "./decision/definition";

/** Messages by dotted path for a config of `type` with `patch` applied over the example. */
function problems(type: string, patch: Record<string, unknown>): Record<string, string> {
  const result = getNodeDefinition(type)!.configSchema.safeParse({ ...exampleConfig(type), ...patch });
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.map(String).join(".")] ??= issue.message;
  return out;
}

describe("shared field messages", () => {
  it("speak in the field's words", () => {
    expect(problems("action", { timeoutMs: 1.5 })).toEqual({ timeoutMs: "Timeout must be a whole number" });
    expect(problems("action", { timeoutMs: 50 })).toEqual({ timeoutMs: "Timeout must be at least 100 ms" });
    expect(problems("action", { timeoutMs: undefined })).toEqual({ timeoutMs: "Timeout is required" });
    expect(problems("action", { method: "FETCH" }).method).toMatch(/^Method must be one of: GET, POST/);
    expect(problems("set", { assignments: [{ variable: "a.b", expression: "1" }] })["assignments.0.variable"]).toMatch(/letters, digits and _/);
    expect(getNodeDefinition("set")!.configSchema.safeParse(null).error?.issues[0].message).toBe("The node's settings must be an object");
  });

  it("reject repeated names in lists", () => {
    const two = [{ variable: "x", expression: "1" }, { variable: "x", expression: "2" }];
    expect(problems("set", { assignments: two })).toEqual({ "assignments.1.variable": 'Variable "x" is used more than once' });
  });
});

describe("start", () => {
  it("declares typed input fields with unique names", () => {
    expect(problems("start", { fields: [{ name: "amount", type: "number", required: true }] })).toEqual({});
    expect(problems("start", { fields: [{ name: "amount", type: "money", required: true }] })["fields.0.type"]).toMatch(/string, number, boolean, date, object/);
  });
});

describe("end", () => {
  it("maps output keys to expressions and refuses keys the database cannot store", () => {
    expect(problems("end", { outputMapping: [{ key: "total", expression: "$sum(x)" }] })).toEqual({});
    expect(Object.keys(problems("end", { outputMapping: [{ key: "$where", expression: "1" }] }))).toEqual(["outputMapping.0.key"]);
  });
});

describe("action", () => {
  it("checks literal URLs and trusts templated ones", () => {
    expect(problems("action", { url: "ftp://x" })).toEqual({ url: "URL must start with http:// or https://" });
    expect(problems("action", { url: "{{ baseUrl }}/items" })).toEqual({});
    expect(problems("action", { url: "  " })).toEqual({ url: "URL is required" });
  });

  it("refuses a body on GET and bad header names", () => {
    expect(problems("action", { body: "{}" }).body).toMatch(/GET request cannot have a body/);
    expect(problems("action", { method: "POST", body: "{}" })).toEqual({});
    expect(problems("action", { headers: [{ key: "X Bad", value: "1" }] })["headers.0.key"]).toMatch(/Header name/);
  });

  it("accepts optional retries and a credential", () => {
    expect(problems("action", { retries: 3, credentialId: "cred-1" })).toEqual({});
    expect(problems("action", { retries: 11 })).toEqual({ retries: "Retries must be at most 10" });
  });
});

describe("ai", () => {
  it("needs a base URL for an OpenAI-compatible provider", () => {
    expect(problems("ai", { provider: "openai-compatible", model: "llama3.2" })).toEqual({ baseUrl: "Base URL is required for an OpenAI-compatible provider" });
    expect(problems("ai", { provider: "openai-compatible", model: "llama3.2", baseUrl: "http://localhost:11434/v1" })).toEqual({});
  });

  it("checks the provider and the model together", () => {
    expect(problems("ai", { provider: "openai" }).model).toMatch(/^Model "simulated" belongs to Simulated \(offline\), not OpenAI/);
    expect(problems("ai", { provider: "openai", model: "gpt-4o-mini" })).toEqual({});
    expect(problems("ai", { provider: "gemini", model: "gpt-4o" }).model).toMatch(/not Google Gemini/);
  });

  it("needs a JSON object schema in JSON mode", () => {
    expect(problems("ai", { outputMode: "json" }).jsonSchema).toMatch(/required/);
    expect(problems("ai", { outputMode: "json", jsonSchema: "{nope" }).jsonSchema).toMatch(/not valid JSON/);
    expect(problems("ai", { outputMode: "json", jsonSchema: "[1]" }).jsonSchema).toMatch(/JSON object/);
    expect(problems("ai", { outputMode: "json", jsonSchema: '{"type":"object"}' })).toEqual({});
  });

  it("keeps temperature between 0 and 2", () => {
    expect(problems("ai", { temperature: 2.5 })).toEqual({ temperature: "Temperature must be between 0 and 2" });
  });
});

describe("human", () => {
  it("needs someone to handle the task", () => {
    expect(problems("human", { candidateRoles: [] }).candidateRoles).toMatch(/assignee, a role or a user/);
    expect(problems("human", { candidateRoles: [], assignee: "u1" })).toEqual({});
  });

  it("checks form fields: select options and min ≤ max", () => {
    const select = { name: "level", label: "Level", kind: "select", required: true };
    expect(problems("human", { formFields: [select] })["formFields.0.options"]).toMatch(/at least one option/);
    expect(problems("human", { formFields: [{ ...select, options: ["a", "b"] }] })).toEqual({});
    const bounds = { name: "n", label: "N", kind: "number", required: false, min: 5, max: 1 };
    expect(problems("human", { formFields: [bounds] })).toEqual({ "formFields.0.max": "Maximum must not be less than minimum" });
  });

  it("checks escalation: reassign needs a target", () => {
    expect(problems("human", { escalation: { afterMinutes: 60, action: "reassign" } })).toEqual({ "escalation.to": "Say who the task is reassigned to" });
    expect(problems("human", { escalation: { afterMinutes: 60, action: "raisePriority" }, priority: "high", dueInMinutes: 120 })).toEqual({});
  });
});

describe("decision", () => {
  const decision = getNodeDefinition("decision")!;

  it("has one output per branch plus default", () => {
    const config = { branches: [{ id: "a", label: "A", condition: "x" }, { id: "b", label: "", condition: "y" }] };
    expect(decision.outputs(config)).toEqual([
      { id: "a", label: "A" },
      { id: "b", label: "Branch 2" },
      { id: "default", label: "Otherwise" },
    ]);
  });

  it("reads outputs leniently from a half-edited config", () => {
    const config = { branches: [{ id: "a" }, { id: "a" }, { id: "default" }, { id: "bad id" }, "junk", null] };
    expect(decision.outputs(config).map((h) => h.id)).toEqual(["a", "default"]);
    expect(decision.outputs(undefined).map((h) => h.id)).toEqual(["default"]);
  });

  it("reserves the default id and refuses repeated ids", () => {
    const branches = [{ id: "default", label: "D", condition: "1" }, { id: "x", label: "X", condition: "1" }, { id: "x", label: "Y", condition: "1" }];
    const found = problems("decision", { branches });
    expect(found["branches.0.id"]).toMatch(/reserved/);
    expect(found["branches.2.id"]).toMatch(/more than once/);
    expect(problems("decision", { branches: [] })).toEqual({ branches: "Add at least one branch" });
  });

  it("picks a fresh branch id", () => {
    expect(newBranchId([])).toBe("branch-1");
    expect(newBranchId([{ id: "branch-2" }])).toBe("branch-3");
    expect(newBranchId([{ id: "branch-2" }, { id: "branch-3" }])).toBe("branch-4");
  });

  it("lists its conditions as JSONata expressions", () => {
    expect(decision.expressions!(exampleConfig("decision"))).toEqual([{ path: "branches.0.condition", source: "amount > 100", kind: "jsonata" }]);
  });
});

describe("parallel", () => {
  it("has the same handle ids in both modes", () => {
    const parallel = getNodeDefinition("parallel")!;
    expect(parallel.outputs({ mode: "split" }).map((h) => h.id)).toEqual(parallel.outputs({ mode: "join" }).map((h) => h.id));
    expect(problems("parallel", { mode: "both" }).mode).toMatch(/split, join/);
  });
});

describe("timer", () => {
  const timer = getNodeDefinition("timer")!;

  it("takes a delay or a JSONata wake-up time", () => {
    expect(timer.configSchema.safeParse({ mode: "until", until: "$fromMillis(dueAt)" }).success).toBe(true);
    expect(timer.configSchema.safeParse({ mode: "delay", delaySeconds: 0 }).error?.issues[0].message).toBe("Delay must be at least 1 seconds");
    expect(timer.configSchema.safeParse({ mode: "later" }).error?.issues[0].message).toBe('Timer mode must be "delay" or "until"');
  });

  it("only checks the active mode's expression", () => {
    expect(timer.expressions!({ mode: "delay", delaySeconds: 5, until: "stale (" })).toEqual([]);
    expect(timer.expressions!({ mode: "until", until: "x" })).toEqual([{ path: "until", source: "x", kind: "jsonata" }]);
  });
});

describe("script", () => {
  it("defaults to a 1 s, 32 MB sandbox and bounds the limits", () => {
    expect(getNodeDefinition("script")!.defaults()).toMatchObject({ timeLimitMs: 1_000, memoryLimitMb: 32 });
    expect(problems("script", { memoryLimitMb: 1024 })).toEqual({ memoryLimitMb: "Memory limit must be at most 256 MB" });
  });
});

describe("notification", () => {
  it("needs a subject and real addresses for email, but trusts templated ones", () => {
    const email = { channel: "email", recipients: ["ops@example.com", "{{ requester.email }}"], subjectTemplate: "Hi" };
    expect(problems("notification", email)).toEqual({});
    expect(problems("notification", { ...email, subjectTemplate: "" })).toEqual({ subjectTemplate: "Subject is required for an email" });
    expect(problems("notification", { ...email, recipients: ["bob"] })).toEqual({ "recipients.0": '"bob" is not an email address' });
  });

  it("lists every recipient as a template", () => {
    const refs = getNodeDefinition("notification")!.expressions!({ recipients: ["a", "{{ b }}"], bodyTemplate: "x" });
    expect(refs.map((r) => r.path)).toEqual(["recipients.0", "recipients.1", "bodyTemplate"]);
  });
});

describe("subprocess", () => {
  it("maps inputs for the child workflow", () => {
    expect(problems("subprocess", { inputMapping: [{ key: "orderId", expression: "order.id" }] })).toEqual({});
    expect(problems("subprocess", { workflowId: "" })).toEqual({ workflowId: "Workflow is required" });
  });
});
