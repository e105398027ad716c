import { describe, expect, it } from "vitest";
import { errorHandle, nextHandle, resolveSourceHandle } from "./handles";

describe("resolveSourceHandle", () => {
  const success = { id: "success", label: "Success" };

  it("finds a named handle", () => {
    expect(resolveSourceHandle([success, errorHandle], "error")).toEqual({ ok: true, handle: errorHandle });
    expect(resolveSourceHandle([success], "nope")).toEqual({ ok: false, reason: "unknown" });
  });

  it("takes the single normal output when no handle is named (undefined or React Flow's null)", () => {
    expect(resolveSourceHandle([success, errorHandle], undefined)).toEqual({ ok: true, handle: success });
    expect(resolveSourceHandle([nextHandle], null)).toEqual({ ok: true, handle: nextHandle });
  });

  it("refuses to guess between several normal outputs, and has nothing for no outputs", () => {
    expect(resolveSourceHandle([success, nextHandle], undefined)).toEqual({ ok: false, reason: "ambiguous" });
    expect(resolveSourceHandle([], "out")).toEqual({ ok: false, reason: "none" });
  });
});
