import { describe, expect, it } from "vitest";
import { getNodeDefinition, nodeTypes, paletteGroups } from "@/lib/nodes/registry";
import { KNOWN_ICON_NAMES } from "../nodes/icons";
import { filterPalette } from "./palette-filter";
import { SHORTCUTS, matchShortcut, type KeyLike } from "./shortcuts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("matchShortcut", () => {
  it("maps the documented keys", () => {
    expect(matchShortcut(key("z", { ctrlKey: true }))).toBe("undo");
    expect(matchShortcut(key("z", { metaKey: true }))).toBe("undo");
    expect(matchShortcut(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(matchShortcut(key("y", { ctrlKey: true }))).toBe("redo");
    expect(matchShortcut(key("d", { ctrlKey: true }))).toBe("duplicate");
    expect(matchShortcut(key("c", { ctrlKey: true }))).toBe("copy");
    expect(matchShortcut(key("v", { metaKey: true }))).toBe("paste");
    expect(matchShortcut(key("a", { ctrlKey: true }))).toBe("selectAll");
    expect(matchShortcut(key("Delete"))).toBe("delete");
    expect(matchShortcut(key("Backspace"))).toBe("delete");
    expect(matchShortcut(key("?", { shiftKey: true }))).toBe("help");
    expect(matchShortcut(key("!", { shiftKey: true, code: "Digit1" }))).toBe("fitView");
    expect(matchShortcut(key("z"))).toBeNull();
    expect(matchShortcut(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("lists every action it can return in the help", () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    for (const action of ["undo", "redo", "copy", "cut", "paste", "duplicate", "delete", "selectAll", "deselect", "fitView", "help"] as const) {
      expect(listed.has(action)).toBe(true);
    }
  });
});

describe("filterPalette", () => {
  const groups = paletteGroups();
  it("keeps everything for an empty query and matches label, type, category and description", () => {
    expect(filterPalette(groups, "  ")).toHaveLength(groups.length);
    const types = (q: string) => filterPalette(groups, q).flatMap((g) => g.items.map((d) => d.type));
    // The agent calls HTTP tools: searching "http" finds it too.
    expect(types("http")).toEqual(["agent", "action"]);
    expect(types("decision")).toContain("decision");
    expect(types("people")).toEqual(["human"]);
    expect(types("no such thing")).toEqual([]);
  });
});

describe("node icons", () => {
  it("has a component for every icon the registry names", () => {
    for (const type of nodeTypes) expect(KNOWN_ICON_NAMES, type).toContain(getNodeDefinition(type)!.icon);
  });
});
