import * as icons from "lucide-react";
import { describe, expect, it } from "vitest";
import { exampleConfig } from "@/lib/engine/test-graphs";
import { checkExpression } from "@/lib/expressions";
import { getNodeDefinition, getNodeOutputs, isNodeType, nodeCategories, nodeTypes, paletteGroups } from "./registry";

const all = nodeTypes.map((type) => ({ type, definition: getNodeDefinition(type)! }));
const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  [...new Set((result.error?.issues ?? []).map((i) => i.path.map(String).join(".")))].sort();

describe("registry", () => {
  it("lists the thirteen node types, each under its own key", () => {
    expect([...nodeTypes].sort()).toEqual(
      ["action", "agent", "ai", "decision", "end", "human", "notification", "parallel", "script", "set", "start", "subprocess", "timer"],
    );
    for (const { type, definition } of all) expect(definition.type).toBe(type);
  });

  it("answers unknown types, including inherited property names, with undefined", () => {
    expect(getNodeDefinition("nope")).toBeUndefined();
    expect(getNodeDefinition("constructor")).toBeUndefined();
    expect(getNodeDefinition("toString")).toBeUndefined();
    expect(isNodeType("decision")).toBe(true);
    expect(getNodeOutputs({ type: "nope", data: { config: {} } })).toEqual([]);
  });

  it.each(all)("$type: defaults pass the schema except the documented blank fields", ({ definition }) => {
    const result = definition.configSchema.safeParse(definition.defaults());
    expect(issuePaths(result)).toEqual([...(definition.blankRequired ?? [])].sort());
    // One message per blank field: "URL is required", not also "URL must start with http".
    expect(result.error?.issues.length ?? 0).toBe(definition.blankRequired?.length ?? 0);
  });

  it.each(all)("$type: filling the blank fields gives a valid config", ({ type, definition }) => {
    expect(definition.configSchema.safeParse(exampleConfig(type)).success).toBe(true);
  });

  it.each(all)("$type: defaults() returns a fresh object each time", ({ definition }) => {
    expect(definition.defaults()).not.toBe(definition.defaults());
  });

  it.each(all)("$type: has palette metadata and a lucide icon", ({ definition }) => {
    expect(definition.label).not.toBe("");
    expect(definition.description.length).toBeGreaterThan(10);
    expect(definition.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(nodeCategories.map((c) => c.id)).toContain(definition.category);
    expect(icons).toHaveProperty(definition.icon);
  });

  it.each(all)("$type: handles have unique ids and labels", ({ type, definition }) => {
    const outputs = definition.outputs(exampleConfig(type));
    for (const handles of [definition.inputs, outputs]) {
      expect(new Set(handles.map((h) => h.id)).size).toBe(handles.length);
      for (const h of handles) expect(h.label).not.toBe("");
    }
  });

  it.each(all)("$type: outputs survive a broken config", ({ definition }) => {
    for (const config of [undefined, null, 42, "x", [], { branches: "nope" }]) {
      expect(() => definition.outputs(config)).not.toThrow();
      expect(() => definition.expressions?.(config)).not.toThrow();
    }
  });

  it.each(all)("$type: the example config's expressions parse", ({ type, definition }) => {
    for (const ref of definition.expressions?.(exampleConfig(type)) ?? []) {
      expect(checkExpression(ref.source, ref.kind), ref.path).toBeNull();
    }
  });

  it("gives start no inputs and end no outputs; every other node one input", () => {
    for (const { type, definition } of all) {
      expect(definition.inputs.length).toBe(type === "start" ? 0 : 1);
      expect(definition.outputs(exampleConfig(type)).length === 0).toBe(type === "end");
    }
  });

  it("gives the nodes that can fail an error handle", () => {
    const withError = all
      .filter(({ type, definition }) => definition.outputs(exampleConfig(type)).some((h) => h.kind === "error"))
      .map(({ type }) => type)
      .sort();
    expect(withError).toEqual(["action", "agent", "ai", "script", "subprocess"]);
  });

  it("groups the palette by category, each type exactly once", () => {
    const groups = paletteGroups();
    const types = groups.flatMap((g) => g.items.map((d) => d.type));
    expect(types.sort()).toEqual([...nodeTypes].sort());
    for (const group of groups) {
      expect(group.items.length).toBeGreaterThan(0);
      for (const item of group.items) expect(item.category).toBe(group.category);
    }
    expect(groups.map((g) => g.category)).toEqual(["flow", "logic", "people", "ai", "integrations", "data"]);
  });
});
