import { describe, expect, it } from "vitest";
import { randomPassword } from "./random-password";
import { newPasswordSchema } from "./schema";

describe("randomPassword", () => {
  it("meets the rules for new passwords and avoids characters that are easy to misread", () => {
    const password = randomPassword();
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(password).not.toMatch(/[01ilo]/);
    expect(newPasswordSchema.safeParse(password).success).toBe(true);
  });

  it("differs every time", () => {
    const seen = new Set(Array.from({ length: 200 }, randomPassword));
    expect(seen.size).toBe(200);
  });
});
