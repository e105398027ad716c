import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseCredentialsKey, seal } from "./crypto";

const key = randomBytes(32);

describe("credential encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh nonce each time and no plaintext in the sealed form", () => {
    const a = seal('{"token":"s3cret"}', key, "credential:1");
    const b = seal('{"token":"s3cret"}', key, "credential:1");
    expect(open(a, key, "credential:1")).toBe('{"token":"s3cret"}');
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(Buffer.from(a.iv, "base64")).toHaveLength(12);
    expect(Buffer.from(a.tag, "base64")).toHaveLength(16);
    expect(JSON.stringify(a)).not.toContain("s3cret");
  });

  it("refuses a wrong key, altered data, or a secret moved onto another credential", () => {
    const sealed = seal("value", key, "credential:1");
    expect(() => open(sealed, randomBytes(32), "credential:1")).toThrow(/cannot be decrypted/);
    const flipped = Buffer.from(sealed.data, "base64");
    flipped[0] ^= 1;
    expect(() => open({ ...sealed, data: flipped.toString("base64") }, key, "credential:1")).toThrow(/cannot be decrypted/);
    expect(() => open(sealed, key, "credential:2")).toThrow(/cannot be decrypted/);
  });

  it("accepts only a 32-byte base64 key, and says how to make one", () => {
    expect(parseCredentialsKey(key.toString("base64"))).toEqual(key);
    expect(() => parseCredentialsKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes.*decodes to 16 bytes.*openssl rand -base64 32/);
  });
});
