import { describe, expect, it } from "vitest";
import { credentialApiKey, credentialHeaders } from "./apply";

describe("credentials as request headers", () => {
  it("builds the header of each type", () => {
    expect(credentialHeaders({ name: "a", type: "bearer", secret: { token: "t" } })).toEqual({ ok: true, headers: [{ key: "Authorization", value: "Bearer t" }] });
    expect(credentialHeaders({ name: "a", type: "api_key", secret: { apiKey: "k" } })).toEqual({ ok: true, headers: [{ key: "Authorization", value: "Bearer k" }] });
    expect(credentialHeaders({ name: "a", type: "basic", secret: { username: "u", password: "p" } })).toEqual({
      ok: true,
      headers: [{ key: "Authorization", value: `Basic ${Buffer.from("u:p").toString("base64")}` }],
    });
    expect(credentialHeaders({ name: "a", type: "header", secret: { headerName: "X-Key", value: "v" } })).toEqual({ ok: true, headers: [{ key: "X-Key", value: "v" }] });
  });

  it("refuses an incomplete credential by name, and gives AI providers only keys and tokens", () => {
    expect(credentialHeaders({ name: "Billing", type: "bearer", secret: {} })).toEqual({ ok: false, message: expect.stringMatching(/"Billing" has no token/) });
    expect(credentialApiKey({ name: "a", type: "bearer", secret: { token: "t" } })).toEqual({ ok: true, apiKey: "t" });
    expect(credentialApiKey({ name: "Login", type: "basic", secret: { username: "u" } })).toMatchObject({ ok: false, message: expect.stringMatching(/needs an API key/) });
  });
});
