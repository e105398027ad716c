import { describe, expect, it } from "vitest";
import { createUserSchema, fieldErrors, loginSchema } from "./schema";

describe("loginSchema", () => {
  it("normalises the email", () => {
    expect(loginSchema.parse({ email: "  Ada@Example.COM ", password: "x" }).email).toBe("ada@example.com");
  });

  it("names the field for a malformed email and an oversized password", () => {
    const res = loginSchema.safeParse({ email: "nope", password: "p".repeat(10_240) });
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    expect(errors.email).toEqual(["Enter a valid email address, like name@example.com."]);
    expect(errors.password).toEqual(["That password is too long (at most 1024 characters)."]);
  });
});

describe("createUserSchema", () => {
  it("rejects an unknown role with the list of valid ones", () => {
    const res = createUserSchema.safeParse({ email: "a@b.co", name: "A", password: "twelve-chars!", roles: ["root"] });
    expect(res.success).toBe(false);
    expect(fieldErrors(res.error!).roles?.[0]).toBe("Unknown role. Choose from: admin, designer, approver, manager.");
  });

  it("requires at least one role", () => {
    const res = createUserSchema.safeParse({ email: "a@b.co", name: "A", password: "twelve-chars!", roles: [] });
    expect(fieldErrors(res.error!).roles).toEqual(["Choose at least one role."]);
  });
});
