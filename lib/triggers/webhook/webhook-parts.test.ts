import { describe, expect, it } from "vitest";
import { sha256Hex } from "../ids";
import { checkBearer, checkSignature, signatureHeader } from "./auth";
import { parseBody } from "./body";
import { webhookInput } from "./input";
import { resetBuckets, takeToken } from "./rate-limit";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("webhook auth", () => {
  it("accepts the right token only", () => {
    expect(checkBearer("Bearer abc", sha256Hex("abc"))).toEqual({ ok: true });
    expect(checkBearer("Bearer abd", sha256Hex("abc")).ok).toBe(false);
    expect(checkBearer("Basic abc", sha256Hex("abc")).ok).toBe(false);
    expect(checkBearer(null, sha256Hex("abc")).ok).toBe(false);
  });
  it("checks the signature and its timestamp window", () => {
    const now = Date.parse("2026-12-02T12:00:00Z");
    const header = signatureHeader("s3cret", "{}", now);
    expect(checkSignature(header, "s3cret", bytes("{}"), now + 299_000)).toEqual({ ok: true });
    expect(checkSignature(header, "s3cret", bytes("{}"), now + 301_000).ok).toBe(false);
    expect(checkSignature(header, "s3cret", bytes("{ }"), now).ok).toBe(false);
    expect(checkSignature(header, "other", bytes("{}"), now).ok).toBe(false);
  });
});

describe("webhook bodies and input", () => {
  it("parses JSON, forms and text, and refuses what does not match its type", () => {
    expect(parseBody(bytes('{"a":1}'), "application/json; charset=utf-8")).toEqual({ ok: true, body: { a: 1 } });
    expect(parseBody(bytes("a=1&a=2&b=x"), "application/x-www-form-urlencoded")).toEqual({ ok: true, body: { a: ["1", "2"], b: "x" } });
    expect(parseBody(bytes("hi"), "text/plain")).toEqual({ ok: true, body: "hi" });
    expect(parseBody(bytes("{"), "application/json")).toMatchObject({ ok: false, status: 400 });
    expect(parseBody(new Uint8Array([0xff, 0xfe]), "text/plain")).toMatchObject({ ok: false, status: 400 });
    expect(parseBody(bytes("x"), "application/pdf")).toMatchObject({ ok: false, status: 415 });
  });
  it("fills declared Start fields from the body or the query and never passes secret headers", () => {
    const headers = new Headers({ authorization: "Bearer t", "x-switchyard-signature": "t=1,v1=00", cookie: "a=b", "x-source": "crm" });
    const input = webhookInput(
      { method: "POST", headers, url: new URL("http://h/api/hooks/x?count=3&flag=true"), body: { amount: 5 } },
      [{ name: "amount", type: "number" }, { name: "count", type: "number" }, { name: "flag", type: "boolean" }, { name: "body", type: "text" }] as never,
    );
    expect(input).toEqual({ body: { amount: 5 }, headers: { "x-source": "crm" }, query: { count: "3", flag: "true" }, method: "POST", amount: 5, count: 3, flag: true });
  });
});

describe("rate limit", () => {
  it("lets the rate through, then says how long to wait", () => {
    resetBuckets();
    const t = 1_000_000;
    expect([1, 2, 3].map(() => takeToken("x", 3, t))).toEqual([0, 0, 0]);
    expect(takeToken("x", 3, t)).toBe(20);
    expect(takeToken("x", 3, t + 20_000)).toBe(0);
  });
});
