import { describe, expect, it } from "vitest";
import { can, isRole, ROLES, type Actor, type CredentialAcl, type WorkflowAcl, type WorkflowPermission } from "./roles";

const WORKFLOW_PERMISSIONS: WorkflowPermission[] = ["workflow:view", "workflow:edit", "workflow:publish", "workflow:share", "workflow:delete"];

const actor = (roles: Actor["roles"], active = true): Actor => ({ id: "u1", roles, active });

describe("can", () => {
  it("lets only admins manage users", () => {
    expect(can(actor(["admin"]), "users:manage")).toBe(true);
    for (const role of ["designer", "approver", "manager"] as const) {
      expect(can(actor([role]), "users:manage")).toBe(false);
    }
  });

  it("lets every active person edit their own account, whatever their roles, and no deactivated one", () => {
    for (const role of ROLES) expect(can(actor([role]), "account:edit")).toBe(true);
    expect(can(actor([]), "account:edit")).toBe(true);
    expect(can(actor(["admin"], false), "account:edit")).toBe(false);
    expect(can(null, "account:edit")).toBe(false);
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

  it("credentials: admins do everything, owners manage theirs, sharing by user or role grants use only", () => {
    const cred: CredentialAcl = { owner: owner, users: ["u-shared"], roles: ["approver"] };
    const ownerActor = person(owner, ["designer"]);
    expect(can(ownerActor, "credential:manage", cred)).toBe(true);
    expect(can(ownerActor, "credential:use", cred)).toBe(true);
    // An owner who lost the designer role no longer manages or uses it through ownership.
    expect(can(person(owner, ["manager"]), "credential:manage", cred)).toBe(false);
    expect(can(person(owner, ["manager"]), "credential:use", cred)).toBe(false);
    expect(can(person("u-shared", ["designer"]), "credential:use", cred)).toBe(true);
    expect(can(person("u-shared", ["designer"]), "credential:manage", cred)).toBe(false);
    expect(can(person(stranger, ["approver"]), "credential:use", cred)).toBe(true);
    expect(can(person(stranger, ["designer"]), "credential:use", cred)).toBe(false);
    expect(can(person(stranger, ["admin"]), "credential:manage", cred)).toBe(true);
    expect(can(person("u-shared", ["designer"], false), "credential:use", cred)).toBe(false);
    expect(can(ownerActor, "credential:use", undefined)).toBe(false);
    expect(can(ownerActor, "credential:use", acl as never)).toBe(false);
  });

  it("lets designers create credentials and only admins manage them all and global variables", () => {
    expect(can(person(stranger, ["designer"]), "credentials:create")).toBe(true);
    expect(can(person(stranger, ["designer"]), "credentials:manage")).toBe(false);
    expect(can(person(stranger, ["designer"]), "variables:manage")).toBe(false);
    expect(can(person(stranger, ["admin"]), "variables:manage")).toBe(true);
    expect(can(person(stranger, ["approver"]), "credentials:create")).toBe(false);
  });
});
