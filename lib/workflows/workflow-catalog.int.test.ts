// The in-memory catalog of workflows (workflow-catalog.ts) follows every change that matters to
// it — made through the models, as another process would — and is not reloaded by autosaves.
import { beforeAll, describe, expect, it } from "vitest";
import { CatalogClock, WORKFLOW_CATALOG } from "@/models/CatalogClock";
import { Workflow } from "@/models/Workflow";
import { createWorkflow, setArchived, updateMeta } from "./service";
import { saveGraph } from "./save";
import { loadWorkflowForEditor } from "./queries";
import { actor } from "./test-fixtures";
import { workflowCatalog } from "./workflow-catalog";

const designer = actor(["designer"]);
const stamp = async () => (await CatalogClock.findById(WORKFLOW_CATALOG).lean())?.stamp;

describe("the workflow catalog (real database)", () => {
  beforeAll(() => Workflow.init());

  it("sees new, renamed, archived and deleted workflows, and ignores graph saves", async () => {
    const created = await createWorkflow(designer, { name: "Catalogued" });
    if (!created.ok) throw new Error(created.message);
    expect((await workflowCatalog()).find((w) => w.id === created.id)).toMatchObject({ name: "Catalogued", status: "draft" });

    expect(await updateMeta(designer, { id: created.id, name: "Renamed" })).toMatchObject({ ok: true });
    expect((await workflowCatalog()).find((w) => w.id === created.id)?.name).toBe("Renamed");

    const before = await stamp();
    const editor = await loadWorkflowForEditor(designer, created.id);
    const saved = await saveGraph(designer, { id: created.id, revision: editor!.revision, nodes: editor!.nodes, edges: editor!.edges });
    expect(saved).toMatchObject({ ok: true });
    expect(await stamp()).toBe(before);

    expect(await setArchived(designer, { id: created.id, archived: true })).toMatchObject({ ok: true });
    expect((await workflowCatalog()).find((w) => w.id === created.id)?.status).toBe("archived");

    await Workflow.deleteOne({ _id: created.id });
    expect((await workflowCatalog()).some((w) => w.id === created.id)).toBe(false);
  });
});
