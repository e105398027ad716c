import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "./action-body-limit";
import { actionBodyRefusal, isActionTextBody, malformedActionBody } from "./action-body-guard";

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

  it("answers 400 for a text body that is not JSON", () => {
    expect(isActionTextBody("POST", new Headers({ "next-action": "a", "content-type": "text/plain;charset=UTF-8" }))).toBe(true);
    expect(isActionTextBody("POST", new Headers({ "next-action": "a", "content-type": "multipart/form-data; boundary=x" }))).toBe(false);
    expect(malformedActionBody('[{"name":"x"}]')).toBeNull();
    expect(malformedActionBody("{not json")).toMatchObject({ status: 400, body: { error: expect.stringContaining("not valid JSON") } });
  });
});
