import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "./action-body-limit";
import { actionBodyRefusal } from "./action-body-guard";

const action = (length?: string) => new Headers({ "next-action": "abc", ...(length === undefined ? {} : { "content-length": length }) });

describe("actionBodyRefusal", () => {
  it("lets through other requests and action bodies within the limit", () => {
    expect(actionBodyRefusal("GET", action())).toBeNull();
    expect(actionBodyRefusal("POST", new Headers({ "content-length": String(ACTION_BODY_LIMIT_BYTES * 10) }))).toBeNull();
    expect(actionBodyRefusal("POST", action(String(ACTION_BODY_LIMIT_BYTES)))).toBeNull();
  });

  it("answers 413 with the size and the limit above it, 411 when the size is not declared", () => {
    expect(actionBodyRefusal("POST", action(String(ACTION_BODY_LIMIT_BYTES + 1)))).toMatchObject({ status: 413, body: { error: expect.stringMatching(/^The request is 3\.0 MB; the limit is 3 MB\. Nothing was saved\./) } });
    expect(actionBodyRefusal("POST", action())?.status).toBe(411);
    expect(actionBodyRefusal("POST", action("12abc"))?.status).toBe(411);
  });
});
