import { beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { WorkflowVersion } from "@/models/WorkflowVersion";
import {
  createWorkflow,
  deleteWorkflow,
  duplicateWorkflow,
  publishWorkflow,
  saveGraph,
  setArchived,
  shareWorkflow,
  updateMeta,
} from "./service";
import { exportWorkflow, getSharing, listWorkflows, loadWorkflowForEditor } from "./queries";
import { listParamsSchema } from "./schema";
import { actor, person } from "./test-fixtures";

const all = listParamsSchema.parse({ status: "all" });

describe("who may do what with a workflow (real database)", () => {
  let owner: Awaited<ReturnType<typeof person>>;
  let editor: Awaited<ReturnType<typeof person>>;
  let viewer: Awaited<ReturnType<typeof person>>;
  let approver: Awaited<ReturnType<typeof person>>;
  const stranger = actor(["designer"]);
  const manager = actor(["manager"]);
  let id = "";

  beforeAll(async () => {
    await Promise.all([User.init(), Workflow.init(), WorkflowVersion.init()]);
    owner = await person("owner@example.com", ["designer"]);
    editor = await person("editor@example.com", ["designer"]);
    viewer = await person("viewer@example.com", ["designer"]);
    approver = await person("approver@example.com", ["approver"]);
    await person("gone@example.com", ["designer"], false);
    const res = await createWorkflow(owner, { name: "Shared", templateId: "content-review" });
    if (!res.ok) throw new Error(res.message);
    id = res.id;
    const shared = await shareWorkflow(owner, {
      id,
      owners: [owner.email],
      editors: ["EDITOR@example.com"],
      viewers: [viewer.id, approver.email],
    });
    expect(shared).toMatchObject({ ok: true });
  });

  const graph = async () => (await loadWorkflowForEditor(owner, id))!;

  it("tells each person what they may do", async () => {
    expect((await loadWorkflowForEditor(owner, id))?.access).toBe("owner");
    expect((await loadWorkflowForEditor(editor, id))?.access).toBe("editor");
    expect((await loadWorkflowForEditor(viewer, id))?.access).toBe("viewer");
    expect((await loadWorkflowForEditor(manager, id))?.access).toBe("viewer");
    expect(await loadWorkflowForEditor(stranger, id)).toBeNull();
    const sharing = await getSharing(viewer, id);
    expect(sharing.editors.map((p) => p.email)).toEqual(["editor@example.com"]);
    expect(sharing.viewers.map((p) => p.email)).toEqual(["viewer@example.com", "approver@example.com"]);
  });

  it("lets an editor save and publish", async () => {
    const g = await graph();
    expect(await saveGraph(editor, { id, revision: g.revision, nodes: g.nodes, edges: g.edges })).toMatchObject({ ok: true });
    expect(await publishWorkflow(editor, { id })).toMatchObject({ ok: true, version: 1 });
  });

  it("keeps a viewer from saving, publishing, sharing, archiving and deleting", async () => {
    const g = await graph();
    await expect(saveGraph(viewer, { id, revision: g.revision, nodes: [], edges: [] })).rejects.toThrow(/view this workflow but not change it/);
    await expect(publishWorkflow(viewer, { id })).rejects.toBeInstanceOf(PermissionError);
    await expect(shareWorkflow(viewer, { id, owners: [viewer.email], editors: [], viewers: [] })).rejects.toBeInstanceOf(PermissionError);
    await expect(deleteWorkflow(viewer, { id })).rejects.toBeInstanceOf(PermissionError);
    await expect(setArchived(viewer, { id, archived: true })).rejects.toBeInstanceOf(PermissionError);
    await expect(updateMeta(viewer, { id, name: "Mine" })).rejects.toBeInstanceOf(PermissionError);
    expect(await graph()).toMatchObject({ name: "Shared", revision: g.revision, nodes: g.nodes });
  });

  it("keeps an editor from sharing and deleting", async () => {
    await expect(shareWorkflow(editor, { id, owners: [editor.email], editors: [], viewers: [] })).rejects.toThrow(/Only the owners/);
    await expect(deleteWorkflow(editor, { id })).rejects.toBeInstanceOf(PermissionError);
  });

  it("hides the workflow from a stranger everywhere, with one message", async () => {
    const names = (await listWorkflows(stranger, all)).workflows.map((w) => w.name);
    expect(names).not.toContain("Shared");
    await expect(exportWorkflow(stranger, id)).rejects.toThrow("This workflow does not exist, or it is not shared with you.");
    await expect(duplicateWorkflow(stranger, { id })).rejects.toThrow("This workflow does not exist, or it is not shared with you.");
    await expect(saveGraph(stranger, { id, revision: 1, nodes: [], edges: [] })).rejects.toThrow("not shared with you");
  });

  it("lets a manager and a viewer see it in the list, but not create workflows", async () => {
    expect((await listWorkflows(manager, all)).workflows.map((w) => w.name)).toContain("Shared");
    const row = (await listWorkflows(viewer, all)).workflows.find((w) => w.id === id);
    expect(row).toMatchObject({ access: "viewer", ownerName: "owner", status: "active", publishedVersion: 1 });
    await expect(createWorkflow(manager, {})).rejects.toThrow("Only designers and admins can create workflows.");
    await expect(duplicateWorkflow(approver, { id })).rejects.toBeInstanceOf(PermissionError);
  });

  it("refuses unknown, deactivated and read-only people as owners or editors, and an empty owner list", async () => {
    const unknown = await shareWorkflow(owner, { id, owners: [owner.email, "nobody@example.com"], editors: [], viewers: [] });
    expect(unknown).toMatchObject({ ok: false, errors: { owners: ['No user has the email "nobody@example.com".'] } });
    const inactive = await shareWorkflow(owner, { id, owners: [owner.email], editors: ["gone@example.com"], viewers: [] });
    expect(inactive).toMatchObject({ ok: false, errors: { editors: [expect.stringContaining("deactivated")] } });
    const readOnly = await shareWorkflow(owner, { id, owners: [owner.email], editors: [approver.email], viewers: [] });
    expect(readOnly).toMatchObject({ ok: false, errors: { editors: [expect.stringContaining("add them as a viewer")] } });
    const noOwner = await shareWorkflow(owner, { id, owners: [], editors: [owner.email], viewers: [] });
    expect(noOwner).toMatchObject({ ok: false, errors: { owners: ["Keep at least one owner."] } });
    expect((await getSharing(owner, id)).owners.map((p) => p.email)).toEqual(["owner@example.com"]);
  });

  it("lets an admin do everything, and an owner hand over ownership", async () => {
    const admin = actor(["admin"]);
    expect((await loadWorkflowForEditor(admin, id))?.access).toBe("owner");
    const handed = await shareWorkflow(owner, { id, owners: [editor.email], editors: [owner.email], viewers: [viewer.email] });
    expect(handed).toMatchObject({ ok: true });
    expect((await loadWorkflowForEditor(owner, id))?.access).toBe("editor");
    expect((await loadWorkflowForEditor(approver, id))).toBeNull();
    expect(await deleteWorkflow(editor, { id })).toMatchObject({ ok: true });
    expect(await Workflow.exists({ _id: id })).toBeNull();
    expect(await WorkflowVersion.countDocuments({ workflowId: id })).toBe(0);
  });
});
