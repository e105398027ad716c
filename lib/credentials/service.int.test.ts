import { beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import type { Actor } from "@/lib/auth/roles";
import { Credential } from "@/models/Credential";
import { createCredential, credentialChoices, deleteCredential, listCredentials, revealCredential, updateCredential } from "./service";

const admin: Actor = { id: "000000000000000000000001", roles: ["admin"], active: true };
const designer: Actor = { id: "000000000000000000000002", roles: ["designer"], active: true };

describe("stored credentials (real database)", () => {
  beforeAll(() => Credential.init());

  it("encrypts on create; the list and the raw document never hold the secret; reveal does", async () => {
    const res = await createCredential(admin, { name: "Billing API", type: "basic", description: "", fields: { username: "ada", password: "pa55-word!" } });
    expect(res).toMatchObject({ ok: true, id: expect.any(String) });
    const rows = await listCredentials(admin);
    expect(rows).toEqual([
      { id: res.id, name: "Billing API", type: "basic", description: "", plain: [{ name: "username", value: "ada" }], storedSecrets: ["password"], updatedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(rows)).not.toContain("pa55-word!");
    const raw = await Credential.collection.findOne({});
    expect(JSON.stringify(raw)).not.toContain("pa55-word!");
    expect(raw!.secret).toMatchObject({ iv: expect.any(String), tag: expect.any(String), data: expect.any(String) });
    expect(await revealCredential(res.id!)).toEqual({ name: "Billing API", type: "basic", secret: { username: "ada", password: "pa55-word!" } });
  });

  it("keeps a secret left blank on edit, replaces one that is typed, and wants new secrets when the type changes", async () => {
    const { id } = await createCredential(admin, { name: "Token", type: "bearer", fields: { token: "first" } });
    expect(await updateCredential(admin, id, { name: "Token (renamed)", type: "bearer", fields: { token: "" } })).toMatchObject({ ok: true });
    expect(await revealCredential(id!)).toEqual({ name: "Token (renamed)", type: "bearer", secret: { token: "first" } });
    await updateCredential(admin, id, { name: "Token (renamed)", type: "bearer", fields: { token: "second" } });
    expect((await revealCredential(id!))!.secret.token).toBe("second");
    expect(await updateCredential(admin, id, { name: "Token", type: "header", fields: { headerName: "X-Key", value: "" } })).toMatchObject({
      ok: false,
      errors: { "fields.value": ["Enter the header value."] },
    });
    expect((await revealCredential(id!))!.type).toBe("bearer");
  });

  it("says what is wrong and saves nothing", async () => {
    const before = await Credential.countDocuments();
    expect(await createCredential(admin, { name: "", type: "bearer", fields: {} })).toMatchObject({
      ok: false,
      errors: { name: [expect.stringMatching(/Enter a name/)] },
    });
    expect(await createCredential(admin, { name: "H", type: "header", fields: { headerName: "Bad Header", value: "v" } })).toMatchObject({
      ok: false,
      errors: { "fields.headerName": [expect.stringMatching(/header name/)] },
    });
    expect(await createCredential(admin, { name: "X", type: "ssh", fields: {} })).toMatchObject({ ok: false, errors: { type: [expect.any(String)] } });
    expect(await Credential.countDocuments()).toBe(before);
  });

  it("deletes, and reveal then finds nothing", async () => {
    const { id } = await createCredential(admin, { name: "Temp", type: "api_key", fields: { apiKey: "sk-temp" } });
    expect(await deleteCredential(admin, id)).toMatchObject({ ok: true });
    expect(await revealCredential(id!)).toBeNull();
    expect(await deleteCredential(admin, id)).toMatchObject({ ok: false });
    expect(await revealCredential("not-an-id")).toBeNull();
  });

  it("lets only admins manage credentials; designers may see names to pick one", async () => {
    await expect(listCredentials(designer)).rejects.toBeInstanceOf(PermissionError);
    await expect(createCredential(designer, { name: "x", type: "bearer", fields: { token: "t" } })).rejects.toBeInstanceOf(PermissionError);
    await expect(updateCredential(designer, "000000000000000000000009", {})).rejects.toBeInstanceOf(PermissionError);
    await expect(deleteCredential(designer, "000000000000000000000009")).rejects.toBeInstanceOf(PermissionError);
    const choices = await credentialChoices(designer);
    expect(choices.map((c) => c.name)).toContain("Billing API");
    expect(JSON.stringify(choices)).not.toMatch(/pa55|secret|iv/);
  });
});
