import { describe, expect, it } from "vitest";
import { parseListParams, saveGraphSchema, tagsSchema } from "./schema";

describe("parseListParams", () => {
  it("falls back to the defaults for anything odd in the URL", () => {
    expect(parseListParams({})).toEqual({ q: "", status: "current", tag: "", sort: "updated" });
    expect(parseListParams({ status: "deleted", sort: ["name", "created"], q: "  pay  ", tag: "hr" })).toEqual({
      q: "pay",
      status: "current",
      tag: "hr",
      sort: "name",
    });
  });
});

describe("tagsSchema", () => {
  it("trims and drops repeats whatever their case", () => {
    expect(tagsSchema.parse([" ops ", "Ops", "urgent"])).toEqual(["Ops", "urgent"]);
    expect(tagsSchema.safeParse(["", "x"]).success).toBe(false);
  });
});

describe("saveGraphSchema", () => {
  it("strips keys the stored graph does not have", () => {
    const parsed = saveGraphSchema.parse({
      id: "0123456789abcdef01234567",
      revision: 3,
      nodes: [{ id: "a", type: "start", position: { x: 0, y: 0 }, selected: true, data: { title: "A", config: {}, hover: 1 } }],
      edges: [],
    });
    expect(parsed.nodes[0]).toEqual({ id: "a", type: "start", position: { x: 0, y: 0 }, data: { title: "A", config: {} } });
  });
});
