import { describe, expect, it } from "vitest";
import { can, isRole, ROLES, type Actor, type WorkflowAcl, type WorkflowPermission } from "./roles";

const WORKFLOW_PERMISSIONS: WorkflowPermission[] = ["workflow:view", "workflow:edit", "workflow:publish", "workflow:share", "workflow:delete"];

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

  it("shows every workflow's figures to managers and admins, only their own to designers", () => {
    expect(can(actor(["manager"]), "dashboard:see-all")).toBe(true);
    expect(can(actor(["admin"]), "dashboard:see-all")).toBe(true);
    expect(can(actor(["designer"]), "dashboard:view")).toBe(true);
    expect(can(actor(["designer"]), "dashboard:see-all")).toBe(false);
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

describe("can on one workflow", () => {
  const [owner, editor, viewer, stranger] = ["o1", "e1", "v1", "s1"];
  const acl: WorkflowAcl = { owners: [owner], editors: [editor], viewers: [viewer] };
  const person = (id: string, roles: Actor["roles"] = ["designer"], active = true): Actor => ({ id, roles, active });
  const allowed = (who: Actor, resource: WorkflowAcl = acl) =>
    WORKFLOW_PERMISSIONS.filter((p) => can(who, p, resource));

  it("gives owners everything, editors view/edit/publish, viewers view", () => {
    expect(allowed(person(owner))).toEqual(WORKFLOW_PERMISSIONS);
    expect(allowed(person(editor))).toEqual(["workflow:view", "workflow:edit", "workflow:publish"]);
    expect(allowed(person(viewer))).toEqual(["workflow:view"]);
  });

  it("gives a stranger nothing, even a designer", () => {
    expect(allowed(person(stranger))).toEqual([]);
  });

  it("gives admins everything and managers view on every workflow", () => {
    expect(allowed(person(stranger, ["admin"]))).toEqual(WORKFLOW_PERMISSIONS);
    expect(allowed(person(stranger, ["manager"]))).toEqual(["workflow:view"]);
  });

  it("keeps approvers and managers read-only even when listed as owner or editor", () => {
    const listed: WorkflowAcl = { owners: ["a1"], editors: ["m1"], viewers: [] };
    expect(allowed(person("a1", ["approver"]), listed)).toEqual(["workflow:view"]);
    expect(allowed(person("m1", ["manager"]), listed)).toEqual(["workflow:view"]);
  });

  it("lets everyone view a public workflow, and nothing more", () => {
    const open: WorkflowAcl = { ...acl, isPublic: true };
    expect(allowed(person(stranger, ["approver"]), open)).toEqual(["workflow:view"]);
  });

  it("refuses workflow permissions without the access list, and to deactivated users", () => {
    expect(can(person(owner), "workflow:view")).toBe(false);
    expect(can(person(owner, ["admin"], false), "workflow:view", acl)).toBe(false);
    expect(can(person(owner, ["designer"], false), "workflow:edit", acl)).toBe(false);
  });

  it("leaves creating workflows to designers and admins", () => {
    expect(can(person(stranger, ["designer"]), "workflows:create")).toBe(true);
    expect(can(person(stranger, ["admin"]), "workflows:create")).toBe(true);
    expect(can(person(stranger, ["manager"]), "workflows:create")).toBe(false);
    expect(can(person(stranger, ["approver"]), "workflows:create")).toBe(false);
  });
});
