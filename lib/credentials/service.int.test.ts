import { Types } from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import { person } from "@/lib/workflows/test-fixtures";
import { n, startNode, storeWorkflow } from "@/lib/runtime/test-support";
import { Credential } from "@/models/Credential";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { createCredential, credentialChoices, deleteCredential, listCredentials, updateCredential } from "./service";
import { shareCredential } from "./sharing";
import { revealCredentialFor } from "./runtime";

let admin: Awaited<ReturnType<typeof person>>;
let ada: Awaited<ReturnType<typeof person>>;
let bob: Awaited<ReturnType<typeof person>>;
let approver: Awaited<ReturnType<typeof person>>;

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe("stored credentials (real database)", () => {
  beforeAll(async () => {
    await Promise.all([Credential.init(), User.init(), Workflow.init()]);
    admin = await person("admin@creds.test", ["admin"]);
    ada = await person("ada@creds.test", ["designer"]);
    bob = await person("bob@creds.test", ["designer"]);
    approver = await person("approver@creds.test", ["approver"]);
  });

  it("encrypts on create; the list and the raw document never hold the secret; the owner's runs reveal it", async () => {
    const res = await createCredential(ada, { name: "Billing API", type: "basic", description: "", fields: { username: "ada", password: "pa55-word!" } });
    expect(res).toMatchObject({ ok: true, id: expect.any(String) });
    const rows = await listCredentials(ada);
    expect(rows).toEqual([
      {
        id: res.id,
        name: "Billing API",
        type: "basic",
        description: "",
        ownerName: "You",
        canManage: true,
        sharing: { users: [], roles: [] },
        plain: [{ name: "username", value: "ada" }],
        storedSecrets: ["password"],
        updatedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain("pa55-word!");
    const raw = await Credential.collection.findOne({ _id: new Types.ObjectId(res.id) });
    expect(JSON.stringify(raw)).not.toContain("pa55-word!");
    expect(raw!.secret).toMatchObject({ iv: expect.any(String), tag: expect.any(String), data: expect.any(String) });
    expect(await revealCredentialFor(ada.id, res.id!)).toEqual({ name: "Billing API", type: "basic", secret: { username: "ada", password: "pa55-word!" } });
  });

  it("lists in the picker only what each user may use, of the kinds the step takes, without secrets", async () => {
    const token = await createCredential(bob, { name: "Bob token", type: "bearer", fields: { token: "bob-secret-1" } });
    const login = await createCredential(bob, { name: "Bob login", type: "basic", fields: { username: "bob", password: "bob-pw" } });
    const workspace = await createCredential(admin, { name: "Workspace key", type: "api_key", fields: { apiKey: "sk-admin" } });
    expect(names(await credentialChoices(bob))).toEqual(["Bob login", "Bob token"]);
    expect(names(await credentialChoices(bob, "ai"))).toEqual(["Bob token"]);
    expect(names(await credentialChoices(ada))).toEqual(["Billing API"]);
    // Admins see and use every credential.
    expect(names(await credentialChoices(admin))).toEqual(expect.arrayContaining(["Billing API", "Bob login", "Bob token", "Workspace key"]));
    const choices = await credentialChoices(admin);
    expect(JSON.stringify(choices)).not.toMatch(/bob-secret-1|bob-pw|sk-admin|"iv"/);
    expect(choices.find((c) => c.id === token.id)).toEqual({ id: token.id, name: "Bob token", type: "bearer", owner: "bob" });
    // People who may not build workflows get no picker at all.
    await expect(credentialChoices(approver)).rejects.toBeInstanceOf(PermissionError);
    await expect(listCredentials(approver)).rejects.toBeInstanceOf(PermissionError);
    expect(login.ok && workspace.ok).toBe(true);
  });

  it("shares with a user or a role: they may use it, never manage it; unsharing takes it back", async () => {
    const { id } = await createCredential(bob, { name: "Shared token", type: "bearer", fields: { token: "shared-secret" } });
    expect(names(await credentialChoices(ada))).not.toContain("Shared token");
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ refused: true, message: expect.stringMatching(/the person who started this run may not use credential/) });

    expect(await shareCredential(bob, id, { users: [ada.id], roles: [] })).toMatchObject({ ok: true, message: expect.stringMatching(/shared with 1 person/) });
    expect(names(await credentialChoices(ada))).toContain("Shared token");
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ secret: { token: "shared-secret" } });
    const asAda = (await listCredentials(ada)).find((c) => c.id === id)!;
    expect(asAda).toMatchObject({ canManage: false, ownerName: "bob" });
    await expect(updateCredential(ada, id, { name: "Mine now", type: "bearer", fields: { token: "" } })).rejects.toThrow(/Only its owner or an admin/);
    await expect(shareCredential(ada, id, { users: [ada.id, bob.id] })).rejects.toBeInstanceOf(PermissionError);
    await expect(deleteCredential(ada, id)).rejects.toBeInstanceOf(PermissionError);

    // By role: every approver may use it (a run an approver starts), designers not unless named.
    expect(await shareCredential(bob, id, { users: [], roles: ["approver"] })).toMatchObject({ ok: true });
    expect(await revealCredentialFor(approver.id, id!)).toMatchObject({ secret: { token: "shared-secret" } });
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ refused: true });

    // Bad sharing input: a clear message, nothing changed.
    expect(await shareCredential(bob, id, { users: ["nope"], roles: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/user id/) });
    expect(await shareCredential(bob, id, { users: ["0000000000000000000000ff"], roles: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown user/) });
    expect(await shareCredential(bob, id, { roles: ["owner"] })).toMatchObject({ ok: false });
    expect((await Credential.findById(id).lean())!.sharedRoles).toEqual(["approver"]);
  });

  it("refuses a run started by nobody, by a deactivated user, or for a credential that is gone", async () => {
    const { id } = await createCredential(ada, { name: "Ada only", type: "bearer", fields: { token: "t" } });
    expect(await revealCredentialFor(null, id!)).toMatchObject({ refused: true });
    await User.updateOne({ _id: ada.id }, { $set: { active: false } });
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ refused: true });
    await User.updateOne({ _id: ada.id }, { $set: { active: true } });
    expect(await revealCredentialFor(ada.id, "0000000000000000000000aa")).toBeNull();
    expect(await revealCredentialFor(ada.id, "not-an-id")).toBeNull();
  });

  it("keeps a secret left blank on edit, replaces one that is typed, and wants new secrets when the type changes", async () => {
    const { id } = await createCredential(ada, { name: "Token", type: "bearer", fields: { token: "first" } });
    expect(await updateCredential(ada, id, { name: "Token (renamed)", type: "bearer", fields: { token: "" } })).toMatchObject({ ok: true });
    expect(await revealCredentialFor(ada.id, id!)).toEqual({ name: "Token (renamed)", type: "bearer", secret: { token: "first" } });
    await updateCredential(ada, id, { name: "Token (renamed)", type: "bearer", fields: { token: "second" } });
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ secret: { token: "second" } });
    expect(await updateCredential(ada, id, { name: "Token", type: "header", fields: { headerName: "X-Key", value: "" } })).toMatchObject({
      ok: false,
      errors: { "fields.value": ["Enter the header value."] },
    });
    expect(await revealCredentialFor(ada.id, id!)).toMatchObject({ type: "bearer" });
  });

  it("says what is wrong and saves nothing", async () => {
    const before = await Credential.countDocuments();
    expect(await createCredential(ada, { name: "", type: "bearer", fields: {} })).toMatchObject({ ok: false, errors: { name: [expect.stringMatching(/Enter a name/)] } });
    expect(await createCredential(ada, { name: "H", type: "header", fields: { headerName: "Bad Header", value: "v" } })).toMatchObject({
      ok: false,
      errors: { "fields.headerName": [expect.stringMatching(/header name/)] },
    });
    expect(await createCredential(ada, { name: "X", type: "ssh", fields: {} })).toMatchObject({ ok: false, errors: { type: [expect.any(String)] } });
    await expect(createCredential(approver, { name: "x", type: "bearer", fields: { token: "t" } })).rejects.toBeInstanceOf(PermissionError);
    expect(await Credential.countDocuments()).toBe(before);
  });

  it("warns before deleting a credential in use, naming the workflows; deletes when confirmed", async () => {
    const { id } = await createCredential(ada, { name: "Used one", type: "bearer", fields: { token: "t" } });
    const graph = { nodes: [startNode(), n("call", "action", { method: "GET", url: "http://127.0.0.1:9/x", headers: [], body: "", timeoutMs: 1000, credentialId: id })], edges: [] };
    const wf = await storeWorkflow(ada, graph);
    await Workflow.updateOne({ _id: wf }, { $set: { name: "Invoices sync" } });
    const first = await deleteCredential(ada, id);
    expect(first).toMatchObject({ ok: false, inUse: [{ id: wf, name: "Invoices sync" }], message: expect.stringMatching(/used by the workflow "Invoices sync"/) });
    expect(await Credential.countDocuments({ _id: id })).toBe(1);
    expect(await deleteCredential(ada, id, { confirmed: true })).toMatchObject({ ok: true });
    expect(await revealCredentialFor(ada.id, id!)).toBeNull();
    await expect(deleteCredential(admin, id)).rejects.toThrow(/no longer exists/);
  });

  it("deletes an unused credential at once; admins manage anyone's", async () => {
    const { id } = await createCredential(bob, { name: "Temp", type: "api_key", fields: { apiKey: "sk-temp" } });
    expect(await deleteCredential(admin, id)).toMatchObject({ ok: true, message: 'Deleted "Temp".' });
  });
});
