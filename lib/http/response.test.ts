import { describe, expect, it } from "vitest";
import { decodeBody, headerList, readCapped, retryAfterMs } from "./response";

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("reading HTTP responses", () => {
  it("reads Retry-After as seconds or an HTTP date, capped at an hour", () => {
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs("0.5", now)).toBe(500);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs("86400", now)).toBe(3_600_000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it("parses JSON only when the response says it is JSON, and keeps broken JSON as text", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(decodeBody(bytes('{"a":1}'), "application/json; charset=utf-8")).toEqual({ body: { a: 1 } });
    expect(decodeBody(bytes('{"a":1}'), "application/problem+json")).toEqual({ body: { a: 1 } });
    expect(decodeBody(bytes('{"a":1}'), "text/plain")).toEqual({ body: '{"a":1}' });
    expect(decodeBody(bytes("{oops"), "application/json")).toMatchObject({ body: "{oops", note: expect.stringMatching(/did not parse/) });
  });

  it("lists headers as key/value pairs and stops reading past the cap", async () => {
    expect(headerList(new Headers({ "X-A": "1" }))).toEqual([{ key: "x-a", value: "1" }]);
    expect(await readCapped(new Response("hello"), 10)).toEqual({ ok: true, bytes: new TextEncoder().encode("hello") });
    expect(await readCapped(new Response("x".repeat(11)), 10)).toMatchObject({ ok: false, receivedBytes: 11 });
  });
});
