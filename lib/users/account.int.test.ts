import { beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword, updateOwnName, WRONG_CURRENT_PASSWORD } from "./account";
import { authorizeCredentials, WRONG_CREDENTIALS } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { sessionEndedByPasswordChange } from "@/lib/auth/password-change";
import type { Actor } from "@/lib/auth/roles";
import { User } from "@/models/User";

let me: Actor;
const OLD = "old-password-123";
const NEW = "brand-new-password-456";

describe("your own account (real database)", () => {
  beforeAll(async () => {
    await User.init();
    const user = await User.create({ email: "me@example.com", name: "Me", roles: ["approver"], passwordHash: await hashPassword(OLD) });
    me = { id: String(user._id), roles: ["approver"], active: true };
  });

  it("refuses a wrong current password beside that field and keeps the old password", async () => {
    const res = await changeOwnPassword(me, { currentPassword: "not-my-password", newPassword: NEW, confirmPassword: NEW }, "198.51.100.7");
    expect(res).toMatchObject({ ok: false, errors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
    const user = await authorizeCredentials({ email: "me@example.com", password: OLD }, "198.51.100.8");
    expect(user.email).toBe("me@example.com");
    expect((await User.findById(me.id).lean())?.passwordChangedAt).toBeUndefined();
  });

  it("says which field is wrong: too short, not repeated the same, same as the current one", async () => {
    const short = await changeOwnPassword(me, { currentPassword: OLD, newPassword: "short", confirmPassword: "short" });
    expect(short.errors?.newPassword).toEqual(["Use at least 12 characters."]);
    const mismatch = await changeOwnPassword(me, { currentPassword: OLD, newPassword: NEW, confirmPassword: `${NEW}x` });
    expect(mismatch.errors?.confirmPassword).toEqual(["The two new passwords are not the same."]);
    const same = await changeOwnPassword(me, { currentPassword: OLD, newPassword: OLD, confirmPassword: OLD });
    expect(same.errors?.newPassword).toEqual(["Choose a password different from the current one."]);
    const garbage = await changeOwnPassword(me, "not an object");
    expect(garbage.ok).toBe(false);
  });

  it("changes the password: the new one signs in, the old one no longer does, older sessions end", async () => {
    const before = Date.now() - 1;
    const res = await changeOwnPassword(me, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, "198.51.100.9");
    expect(res.ok).toBe(true);
    expect((await authorizeCredentials({ email: "me@example.com", password: NEW }, "198.51.100.10")).email).toBe("me@example.com");
    await expect(authorizeCredentials({ email: "me@example.com", password: OLD }, "198.51.100.11")).rejects.toThrow(WRONG_CREDENTIALS);
    const stored = await User.findById(me.id).lean();
    expect(stored?.passwordHash).not.toContain(NEW);
    // A session that signed in before the change is over; one signed in afterwards is not.
    expect(sessionEndedByPasswordChange(before, stored?.passwordChangedAt)).toBe(true);
    expect(sessionEndedByPasswordChange(Date.now() + 1, stored?.passwordChangedAt)).toBe(false);
  });

  it("changes the name, refusing an empty one beside the field", async () => {
    expect(await updateOwnName(me, { name: "   " })).toMatchObject({ ok: false, errors: { name: ["Enter a name."] } });
    expect((await updateOwnName(me, { name: "  Margaret Hamilton " })).ok).toBe(true);
    expect((await User.findById(me.id).lean())?.name).toBe("Margaret Hamilton");
  });

  it("refuses a deactivated account", async () => {
    await expect(updateOwnName({ ...me, active: false }, { name: "X" })).rejects.toThrow("permission");
  });
});
