// "Available to AI assistants" is an edit: owners and editors may switch it, viewers may not,
// an archived workflow refuses it, and it is stored as a plain boolean field on the workflow.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { endNode, e, startNode, storeWorkflow } from "@/lib/runtime/test-support";
import { User } from "@/models/User";
import { Workflow } from "@/models/Workflow";
import { setAvailableToAi } from "./ai-availability";
import { loadWorkflowForEditor } from "./queries";
import { person } from "./test-fixtures";

let owner: Actor;
let editor: Actor;
let viewer: Actor;
let id: string;

describe("setAvailableToAi", () => {
  beforeAll(async () => {
    await Promise.all([Workflow.init(), User.init()]);
    owner = await person("owner@ai-availability.test", ["designer"]);
    editor = await person("editor@ai-availability.test", ["designer"]);
    viewer = await person("viewer@ai-availability.test", ["designer"]);
    id = await storeWorkflow(owner, { nodes: [startNode(), endNode()], edges: [e("start", "end")] }, {}, { editors: [editor.id], viewers: [viewer.id] });
  });

  it("owners and editors switch it; the editor's page reads it back", async () => {
    expect((await loadWorkflowForEditor(owner, id))?.availableToAi).toBe(false);
    expect(await setAvailableToAi(editor, { id, available: true })).toMatchObject({ ok: true, available: true, message: "Available to AI assistants once it is published." });
    const stored = await Workflow.collection.findOne({ _id: (await Workflow.findById(id))!._id });
    expect(stored?.availableToAi).toBe(true);
    expect((await loadWorkflowForEditor(viewer, id))?.availableToAi).toBe(true);
    expect(await setAvailableToAi(owner, { id, available: false })).toMatchObject({ ok: true, available: false });
  });

  it("a viewer is refused, bad input is refused with a message, an archived workflow is refused", async () => {
    await expect(setAvailableToAi(viewer, { id, available: true })).rejects.toBeInstanceOf(PermissionError);
    expect(await setAvailableToAi(owner, { id, available: "yes" })).toMatchObject({ ok: false, message: expect.stringContaining("Available to AI assistants must be on or off") });
    expect(await setAvailableToAi(owner, { id: "nope", available: true })).toMatchObject({ ok: false });
    await Workflow.updateOne({ _id: id }, { $set: { status: "archived" } });
    expect(await setAvailableToAi(owner, { id, available: true })).toMatchObject({ ok: false, message: expect.stringContaining("archived") });
    expect((await Workflow.findById(id).lean())?.availableToAi).toBe(false);
  });
});
