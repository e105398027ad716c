import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, WRONG_CREDENTIALS } from "./options";
import { hashPassword } from "./password";
import { User } from "@/models/User";

describe("authorizeCredentials (real database)", () => {
  beforeAll(async () => {
    await User.init();
    await User.create([
      { email: "ok@example.com", name: "Ok", roles: ["designer"], passwordHash: await hashPassword("right-password-1") },
      { email: "gone@example.com", name: "Gone", roles: ["approver"], active: false, passwordHash: await hashPassword("right-password-1") },
    ]);
  });

  it("signs in with the right password, case-insensitively on the email", async () => {
    const user = await authorizeCredentials({ email: "OK@example.com", password: "right-password-1" }, "198.51.100.1");
    expect(user.email).toBe("ok@example.com");
  });

  it("records the moment of each successful sign-in, and none for a failed one", async () => {
    await User.updateOne({ email: "ok@example.com" }, { $unset: { lastSignInAt: 1 } });
    await expect(authorizeCredentials({ email: "ok@example.com", password: "wrong" }, "198.51.100.30")).rejects.toThrow(WRONG_CREDENTIALS);
    expect((await User.findOne({ email: "ok@example.com" }).lean())?.lastSignInAt).toBeUndefined();
    const before = Date.now();
    await authorizeCredentials({ email: "ok@example.com", password: "right-password-1" }, "198.51.100.30");
    const at = (await User.findOne({ email: "ok@example.com" }).lean())?.lastSignInAt;
    expect(at?.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it("answers a wrong password and an unknown email alike", async () => {
    await expect(authorizeCredentials({ email: "ok@example.com", password: "nope" }, "198.51.100.2")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(authorizeCredentials({ email: "nobody@example.com", password: "nope" }, "198.51.100.2")).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("refuses a deactivated account with its own message", async () => {
    await expect(authorizeCredentials({ email: "gone@example.com", password: "right-password-1" }, "198.51.100.3")).rejects.toThrow(
      "This account has been deactivated",
    );
  });

  it("refuses malformed input before touching the hasher", async () => {
    await expect(authorizeCredentials({ email: "x", password: "y" }, null)).rejects.toThrow("Enter a valid email address");
    await expect(authorizeCredentials({ email: "a@b.co", password: "p".repeat(10_240) }, null)).rejects.toThrow("too long");
  });

  it("slows the address that keeps failing, not the owner at another address", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(authorizeCredentials({ email: "ok@example.com", password: `bad${i}` }, "203.0.113.5")).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email: "ok@example.com", password: "right-password-1" }, "203.0.113.5")).rejects.toThrow(
      /Too many failed sign-in attempts\. Wait 1 s/,
    );
    const user = await authorizeCredentials({ email: "ok@example.com", password: "right-password-1" }, "198.51.100.20");
    expect(user.email).toBe("ok@example.com");
  });
});
