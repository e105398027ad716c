import { describe, expect, it } from "vitest";
import { ferretdbGcEnv } from "./ferretdb.mjs";

describe("the embedded database's garbage collector settings", () => {
  it("collect at five times the live heap under a 1 GiB soft limit, unless the environment says otherwise", () => {
    expect(ferretdbGcEnv({})).toEqual({ GOGC: "400", GOMEMLIMIT: "1GiB" });
    expect(ferretdbGcEnv({ GOGC: "100", GOMEMLIMIT: "256MiB" })).toEqual({ GOGC: "100", GOMEMLIMIT: "256MiB" });
  });
});
