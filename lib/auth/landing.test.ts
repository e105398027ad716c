import { describe, expect, it } from "vitest";
import type { Role } from "./roles";
import { landingFor } from "./landing";

const actor = (...roles: Role[]) => ({ id: "u", roles, active: true });

describe("landingFor", () => {
  it("sends each person to where their work is", () => {
    expect(landingFor(actor("approver"))).toBe("/inbox");
    expect(landingFor(actor("manager"))).toBe("/dashboard");
    expect(landingFor(actor("designer"))).toBe("/workflows");
    expect(landingFor(actor("admin"))).toBe("/workflows");
  });

  it("prefers building over watching over approving when a person has several roles", () => {
    expect(landingFor(actor("approver", "manager"))).toBe("/dashboard");
    expect(landingFor(actor("approver", "designer"))).toBe("/workflows");
    expect(landingFor(actor())).toBe("/settings");
  });
});
