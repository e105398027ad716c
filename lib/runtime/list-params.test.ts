import { describe, expect, it } from "vitest";
import { parseRunListParams } from "./list-params";

describe("parseRunListParams", () => {
  it("takes a known status, and all/empty as no filter", () => {
    expect(parseRunListParams({ status: "failed" })).toEqual({ status: "failed" });
    expect(parseRunListParams({ status: ["completed", "failed"] })).toEqual({ status: "completed" });
    expect(parseRunListParams({})).toEqual({});
    expect(parseRunListParams({ status: "all" })).toEqual({});
  });

  it("explains a bad value and falls back to every run", () => {
    expect(parseRunListParams({ status: "exploded" })).toEqual({
      problem: "“exploded” is not a run status. Status must be one of: pending, running, paused, completed, failed, cancelled. Showing every run.",
    });
  });
});
