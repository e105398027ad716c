import { describe, expect, it } from "vitest";
import { can, isRole, ROLES, type Actor } from "./roles";

const actor = (roles: Actor["roles"], active = true): Actor => ({ id: "u1", roles, active });

describe("can", () => {
  it("lets only admins manage users", () => {
    expect(can(actor(["admin"]), "users:manage")).toBe(true);
    for (const role of ["designer", "approver", "manager"] as const) {
      expect(can(actor([role]), "users:manage")).toBe(false);
    }
  });

  it("unions the permissions of several roles", () => {
    expect(can(actor(["approver"]), "dashboard:view")).toBe(false);
    expect(can(actor(["approver", "manager"]), "dashboard:view")).toBe(true);
  });

  it("refuses everything to a missing or deactivated user", () => {
    expect(can(null, "workflows:view")).toBe(false);
    expect(can(actor(["admin"], false), "workflows:view")).toBe(false);
  });

  it("gives every role the inbox and settings", () => {
    for (const role of ROLES) {
      expect(can(actor([role]), "inbox:use")).toBe(true);
      expect(can(actor([role]), "settings:view")).toBe(true);
    }
  });
});

describe("isRole", () => {
  it("accepts the four roles and nothing else", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("root")).toBe(false);
  });
});
