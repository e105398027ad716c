// Personal API keys on the real database: created with a name and an expiry and shown once,
// stored only as a hash, listed with their status, revoked only by their owner.
import { beforeAll, describe, expect, it } from "vitest";
import { actor } from "@/lib/workflows/test-fixtures";
import { ApiKey } from "@/models/ApiKey";
import { createApiKey, listApiKeys, revokeApiKey } from "./service";
import { hashKey } from "./token";
import { authenticateKey } from "./authenticate";

const ann = actor(["approver"]);
const bob = actor(["designer"]);

describe("API keys (real database)", () => {
  beforeAll(() => ApiKey.init());

  it("creates a key shown once, stored as its hash with a visible prefix, and lists it", async () => {
    const now = Date.parse("2026-03-01T10:00:00Z");
    const created = await createApiKey(ann, { name: "  Billing sync ", expiresIn: "30" }, now);
    if (!created.ok) throw new Error(created.message);
    expect(created.key).toMatch(/^sy_live_[A-Za-z0-9_-]{43}$/);
    expect(created.view).toMatchObject({ name: "Billing sync", prefix: created.key.slice(0, 16), status: "active", expiresAt: "2026-03-31T10:00:00.000Z", lastUsedAt: null });

    const stored = await ApiKey.findById(hashKey(created.key)).lean();
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const listed = await listApiKeys(ann, now);
    expect(listed).toEqual([created.view]);
    expect(await listApiKeys(ann, Date.parse("2026-04-01T00:00:00Z"))).toMatchObject([{ status: "expired" }]);
    expect(await listApiKeys(bob)).toEqual([]);
  });

  it("refuses a blank name or an unknown expiry beside the field, and saves nothing", async () => {
    const before = await ApiKey.countDocuments();
    expect(await createApiKey(ann, { name: "  ", expiresIn: "30" })).toMatchObject({ ok: false, errors: { name: ["Give the key a name, e.g. the program that will use it"] } });
    expect(await createApiKey(ann, { name: "x", expiresIn: "12" })).toMatchObject({ ok: false, errors: { expiresIn: [expect.stringContaining("Expiry must be one of")] } });
    expect(await ApiKey.countDocuments()).toBe(before);
  });

  it("lets only the owner revoke a key; a revoked key no longer authenticates", async () => {
    const created = await createApiKey(bob, { name: "CI", expiresIn: "never" });
    if (!created.ok) throw new Error(created.message);
    const headers = new Headers({ authorization: `Bearer ${created.key}` });
    expect(await authenticateKey(headers)).toMatchObject({ ok: false });
    // bob is a fixture actor without a user document: the key's owner must exist.
    expect(await revokeApiKey(ann, created.view.id)).toEqual({ ok: false, message: "That key does not exist, or it is not yours." });
    expect(await revokeApiKey(bob, "zz")).toMatchObject({ ok: false, message: "That is not an API key id" });
    expect(await revokeApiKey(bob, created.view.id)).toMatchObject({ ok: true });
    expect((await listApiKeys(bob))[0]).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
    expect(await revokeApiKey(bob, created.view.id)).toMatchObject({ ok: true, message: "“CI” was already revoked." });
    expect(await authenticateKey(headers)).toEqual({ ok: false, message: "This API key was revoked." });
  });

  it("refuses someone who may not open settings (a deactivated user)", async () => {
    await expect(createApiKey(actor(["designer"], false), { name: "x", expiresIn: "7" })).rejects.toThrow("You cannot manage API keys.");
  });
});
