import { describe, expect, it } from "vitest";
import { getNodeDefinition, nodeTypes } from "@/lib/nodes/registry";
import { smallGraph, wfEdge, wfNode } from "../store/test-fixtures";
import { specHasPath } from "./config-form";
import { getIn, issuesByPath, moveItem, setIn } from "./config-paths";
import { describeSchema, emptyValue, humanize, newItem, optionLabel, singular } from "./describe-schema";
import { applySuggestion, buildSuggestions, filterSuggestions, insidePlaceholder, tokenAt, upstreamOf } from "./suggestions";

describe("describeSchema", () => {
  it("draws every registered node type without falling back to raw JSON", () => {
    for (const type of nodeTypes) {
      const spec = describeSchema(getNodeDefinition(type)!.configSchema);
      expect(JSON.stringify(spec), type).not.toContain('"kind":"json"');
    }
  });

  it("reads typed fields, limits, optional parts and unions", () => {
    const action = describeSchema(getNodeDefinition("action")!.configSchema);
    expect(action.kind).toBe("object");
    if (action.kind !== "object") return;
    const field = (key: string) => action.fields.find((f) => f.key === key)!;
    expect(field("method").spec).toMatchObject({ kind: "enum", options: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] });
    expect(field("timeoutMs")).toMatchObject({ label: "Timeout (ms)", spec: { kind: "number", integer: true, min: 100, max: 300_000 } });
    expect(field("retries").optional).toBe(true);
    expect(field("headers").spec).toMatchObject({ kind: "array", maxItems: 50, item: { kind: "object" } });
    const timer = describeSchema(getNodeDefinition("timer")!.configSchema);
    expect(timer).toMatchObject({ kind: "union", discriminator: "mode", options: [{ value: "delay" }, { value: "until" }] });
  });

  it("labels a field as its messages name it, and no two fields of a node alike", () => {
    const labels = (type: string) => {
      const spec = describeSchema(getNodeDefinition(type)!.configSchema);
      return spec.kind === "object" ? Object.fromEntries(spec.fields.map((f) => [f.key, f.label])) : {};
    };
    expect(labels("notification")).toMatchObject({ bodyTemplate: "Message", subjectTemplate: "Subject" });
    expect(labels("human")).toMatchObject({ titleTemplate: "Task title", dueInMinutes: "Due in (minutes)", candidateRoles: "Candidate roles" });
    for (const type of nodeTypes) {
      const names = Object.values(labels(type));
      expect(new Set([...names, "Title"]).size, type).toBe(names.length + 1); // "Title" is the node's own
    }
  });

  it("names each option of a choice for people, not by its stored id", () => {
    const ai = describeSchema(getNodeDefinition("ai")!.configSchema);
    if (ai.kind !== "object") throw new Error("shape");
    const provider = ai.fields.find((f) => f.key === "provider")!.spec;
    expect(provider).toMatchObject({ kind: "enum", labels: { simulated: "Simulated (offline)", "openai-compatible": "OpenAI-compatible", gemini: "Google Gemini" } });
    expect(provider.kind === "enum" && provider.hints?.simulated).toMatch(/offline/);
    expect(ai.fields.find((f) => f.key === "outputMode")!.spec).toMatchObject({ labels: { text: "Text", json: "JSON" } });
    // Without labels of its own a choice still reads as words; upper-case ids stay as they are.
    const notification = describeSchema(getNodeDefinition("notification")!.configSchema);
    if (notification.kind !== "object") throw new Error("shape");
    expect(notification.fields.find((f) => f.key === "channel")!.spec).toMatchObject({ labels: { in_app: "In app", email: "Email" } });
    expect(optionLabel("raisePriority")).toBe("Raise priority");
    expect(optionLabel("GET")).toBe("GET");
    for (const type of nodeTypes) {
      const text = JSON.stringify(describeSchema(getNodeDefinition(type)!.configSchema));
      for (const [, label] of text.matchAll(/"labels":\{([^}]*)\}/g)) expect(label, type).not.toMatch(/:"[a-z]+[_-]/);
    }
  });

  it("makes starting values that match the schema's shape", () => {
    const human = describeSchema(getNodeDefinition("human")!.configSchema);
    expect(emptyValue(human)).toEqual({ titleTemplate: "", descriptionTemplate: "", candidateRoles: [], candidateUsers: [], formFields: [], priority: "low" });
    const timer = describeSchema(getNodeDefinition("timer")!.configSchema);
    expect(emptyValue(timer)).toEqual({ mode: "delay", delaySeconds: 1 });
  });

  it("gives new list items a fresh id when they have one", () => {
    const decision = describeSchema(getNodeDefinition("decision")!.configSchema);
    if (decision.kind !== "object" || decision.fields[0].spec.kind !== "array") throw new Error("shape");
    const item = newItem(decision.fields[0].spec.item, "branches", [{ id: "branch-1" }, { id: "branch-3" }]);
    expect(item).toEqual({ id: "branch-4", label: "", condition: "" });
    const definition = getNodeDefinition("decision")!;
    const config = { branches: [{ id: "branch-1", label: "Yes", condition: "x" }, { ...(item as object), label: "No", condition: "y" }] };
    expect(definition.configSchema.safeParse(config).success).toBe(true);
  });

  it("names things for people", () => {
    expect(humanize("promptTemplate")).toBe("Prompt");
    expect(humanize("baseUrl")).toBe("Base URL");
    expect(humanize("credentialId")).toBe("Credential");
    expect(humanize("dueInMinutes")).toBe("Due in (minutes)");
    expect(singular("branches")).toBe("branch");
    expect(singular("Headers")).toBe("Header");
    expect(singular("entries")).toBe("entry");
  });

  it("knows which issue paths a field shows", () => {
    const spec = describeSchema(getNodeDefinition("decision")!.configSchema);
    expect(specHasPath(spec, ["branches", "0", "condition"])).toBe(true);
    expect(specHasPath(spec, ["branches"])).toBe(true);
    expect(specHasPath(spec, ["nope"])).toBe(false);
    const timer = describeSchema(getNodeDefinition("timer")!.configSchema);
    expect(specHasPath(timer, ["until"])).toBe(true);
  });
});

describe("config paths", () => {
  it("reads and writes immutably, removing a key set to undefined", () => {
    const config = { branches: [{ id: "a", condition: "x" }], keep: { y: 1 } };
    const next = setIn(config, ["branches", 0, "condition"], "z") as typeof config;
    expect(getIn(next, ["branches", 0, "condition"])).toBe("z");
    expect(config.branches[0].condition).toBe("x");
    expect(next.keep).toBe(config.keep);
    expect(setIn({ a: 1, b: 2 }, ["a"], undefined)).toEqual({ b: 2 });
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });

  it("groups schema messages by path", () => {
    const parsed = getNodeDefinition("decision")!.configSchema.safeParse({ branches: [{ id: "default", label: "", condition: "" }] });
    const issues = issuesByPath(parsed.success ? undefined : parsed.error);
    expect(issues.get("branches.0.label")).toEqual(["Branch label is required"]);
    expect(issues.get("branches.0.id")?.[0]).toMatch(/reserved/);
  });
});

describe("suggestions", () => {
  const graph = smallGraph();
  graph.nodes[0].data.config = { fields: [{ name: "amount", type: "number", required: true }, { name: "first name", type: "string", required: false }] };
  graph.nodes.push(wfNode("vars", "set", 0, 0, { assignments: [{ variable: "total", expression: "1" }] }), wfNode("later", "set", 0, 0, { assignments: [{ variable: "nope", expression: "1" }] }));
  graph.edges.push(wfEdge("e9", "start", "vars"), wfEdge("e10", "vars", "check"), wfEdge("e11", "check", "later"));

  it("offers input fields, upstream variables and upstream outputs only", () => {
    expect([...upstreamOf(graph, "check")].sort()).toEqual(["start", "vars"]);
    const values = buildSuggestions(graph, "check").map((s) => s.value);
    expect(values).toEqual(["$input.amount", "$input.`first name`", "$vars.total", "$nodes.vars"]);
    expect(values).not.toContain("$vars.nope");
    const fromApprove = buildSuggestions(graph, "approve").map((s) => s.value);
    expect(fromApprove).toContain("$nodes.check");
  });

  it("offers the stored global and workflow variables as $vars, once each, saying where they come from", () => {
    const all = buildSuggestions(graph, "check", [
      { name: "rate", scope: "global", type: "number", secret: false },
      { name: "apiKey", scope: "workflow", type: "string", secret: true },
      { name: "total", scope: "workflow", type: "number", secret: false },
    ]);
    expect(all.filter((s) => s.value.startsWith("$vars")).map((s) => [s.value, s.detail])).toEqual([
      ["$vars.rate", "Global variable · number"],
      ["$vars.apiKey", "Workflow variable · secret, for HTTP headers"],
      ["$vars.total", "Workflow variable · number"],
    ]);
  });

  it("filters by what is typed and inserts in place", () => {
    const all = buildSuggestions(graph, "check");
    expect(filterSuggestions(all, "$va").map((s) => s.value)).toEqual(["$vars.total", "$nodes.vars"]);
    expect(filterSuggestions(all, "$amo").map((s) => s.value)).toEqual(["$input.amount"]);
    expect(filterSuggestions(all, "amount")).toHaveLength(all.length);
    expect(tokenAt("x > $inp", 8)).toEqual({ start: 4, end: 8, token: "$inp" });
    expect(applySuggestion("x > $inp", 8, "$input.amount", "jsonata")).toEqual({ text: "x > $input.amount", cursor: 17 });
  });

  it("wraps a template insertion in {{ }} outside a placeholder only", () => {
    expect(insidePlaceholder("Hi {{ $in", 9)).toBe(true);
    expect(insidePlaceholder("Hi {{ a }} ", 11)).toBe(false);
    expect(applySuggestion("Hi ", 3, "$input.amount", "template").text).toBe("Hi {{ $input.amount }}");
    expect(applySuggestion("Hi {{ $in }}", 9, "$input.amount", "template").text).toBe("Hi {{ $input.amount }}");
  });
});
