import { beforeAll, describe, expect, it } from "vitest";
import { createUser, listUsers, setUserActive, updateUserRoles } from "./service";
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
});
