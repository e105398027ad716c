import { beforeAll, describe, expect, it } from "vitest";
import { createUser, listUsers, resetUserPassword, setUserActive, updateUserRoles } from "./service";
import { authorizeCredentials, WRONG_CREDENTIALS } from "@/lib/auth/options";
import { PermissionError } from "@/lib/auth/errors";
import { User } from "@/models/User";
import type { Actor } from "@/lib/auth/roles";

const admin: Actor = { id: "000000000000000000000001", roles: ["admin"], active: true };
const designer: Actor = { id: "000000000000000000000002", roles: ["designer"], active: true };

describe("user administration (real database)", () => {
  beforeAll(() => User.init());

  it("creates a user and lists it without secrets", async () => {
    const res = await createUser(admin, { email: "New@Example.com", name: "New", password: "twelve-chars-ok", roles: ["approver"] });
    expect(res.ok).toBe(true);
    const rows = await listUsers(admin);
    const row = rows.find((r) => r.email === "new@example.com");
    expect(row).toMatchObject({ name: "New", roles: ["approver"], active: true });
    expect(JSON.stringify(rows)).not.toContain("argon2");
  });

  it("saves nothing when a field is wrong, and says which", async () => {
    const before = await User.countDocuments();
    const res = await createUser(admin, { email: "x@example.com", name: "X", password: "twelve-chars-ok", roles: ["root"] });
    expect(res.ok).toBe(false);
    expect(res.errors?.roles?.[0]).toContain("Unknown role");
    expect(await User.countDocuments()).toBe(before);
  });

  it("refuses a duplicate email beside the email field", async () => {
    const res = await createUser(admin, { email: "new@example.com", name: "Dup", password: "twelve-chars-ok", roles: ["manager"] });
    expect(res).toMatchObject({ ok: false, errors: { email: ["A user with this email already exists."] } });
  });

  it("refuses every operation to a non-admin", async () => {
    await expect(listUsers(designer)).rejects.toBeInstanceOf(PermissionError);
    await expect(createUser(designer, {})).rejects.toBeInstanceOf(PermissionError);
    await expect(updateUserRoles(designer, { userId: designer.id, roles: ["admin"] })).rejects.toBeInstanceOf(PermissionError);
    await expect(setUserActive(designer, { userId: admin.id, active: false })).rejects.toBeInstanceOf(PermissionError);
    await expect(resetUserPassword(designer, { userId: admin.id })).rejects.toBeInstanceOf(PermissionError);
  });

  it("edits roles and deactivates", async () => {
    const user = await User.findOne({ email: "new@example.com" }).lean();
    const userId = String(user!._id);
    expect((await updateUserRoles(admin, { userId, roles: ["approver", "manager"] })).ok).toBe(true);
    expect((await setUserActive(admin, { userId, active: false })).ok).toBe(true);
    const after = await User.findById(userId).lean();
    expect(after).toMatchObject({ roles: ["approver", "manager"], active: false });
  });

  it("keeps an admin from locking themselves out", async () => {
    expect((await updateUserRoles(admin, { userId: admin.id, roles: ["designer"] })).ok).toBe(false);
    expect((await setUserActive(admin, { userId: admin.id, active: false })).ok).toBe(false);
  });

  it("resets a password: the new one is returned once, signs in, and is stored only as a hash", async () => {
    await createUser(admin, { email: "forgot@example.com", name: "Forgot", password: "their-old-password", roles: ["approver"] });
    const userId = String((await User.findOne({ email: "forgot@example.com" }).lean())!._id);
    const res = await resetUserPassword(admin, { userId });
    if (!res.ok) throw new Error(res.message);
    expect(res.password.length).toBeGreaterThanOrEqual(12);
    expect((await authorizeCredentials({ email: "forgot@example.com", password: res.password }, "192.0.2.1")).email).toBe("forgot@example.com");
    await expect(authorizeCredentials({ email: "forgot@example.com", password: "their-old-password" }, "192.0.2.2")).rejects.toThrow(WRONG_CREDENTIALS);
    const stored = await User.findById(userId).lean();
    expect(JSON.stringify(stored)).not.toContain(res.password);
    expect(stored).toMatchObject({ mustChangePassword: true });
    expect(stored?.passwordChangedAt).toBeInstanceOf(Date);
    const row = (await listUsers(admin)).find((r) => r.id === userId);
    expect(row).toMatchObject({ mustChangePassword: true });
    expect(row?.lastSignInAt).not.toBeNull();
  });

  it("refuses to reset an admin's own password here, and an unknown user", async () => {
    expect(await resetUserPassword(admin, { userId: admin.id })).toMatchObject({ ok: false, message: expect.stringContaining("Your account") });
    expect(await resetUserPassword(admin, { userId: "0000000000000000000000ff" })).toMatchObject({ ok: false, message: "That user no longer exists." });
    expect(await resetUserPassword(admin, { userId: "nope" })).toMatchObject({ ok: false, message: "Unknown user." });
  });
});
