import "server-only";
// GET /workflows and GET /workflows/{id}: the workflows the key's owner may see, as the
// workflows page lists them (lib/workflows/queries.ts), with what a run of each takes.
import type { z } from "zod";
import { can } from "@/lib/auth/roles";
import { loadRunGraph } from "@/lib/runtime/graphs";
import { startFields } from "@/lib/runtime/run-input";
import { accessFor, aclOf } from "@/lib/workflows/access";
import type { WorkflowStatus, WorkflowSummary } from "@/lib/workflows/contract";
import { listWorkflows } from "@/lib/workflows/queries";
import { graphOf, iso } from "@/lib/workflows/store";
import { versionId } from "@/models/WorkflowVersion";
import { endpoint } from "../endpoint";
import { listWorkflowsQuery, workflowDetail, workflowList, workflowParams, workflowSummary } from "../schemas";
import { visibleWorkflow } from "../visible";

function summaryOf(w: WorkflowSummary): z.infer<typeof workflowSummary> {
  return { id: w.id, name: w.name, description: w.description, status: w.status, tags: w.tags, publishedVersion: w.publishedVersion, access: w.access, updatedAt: w.updatedAt };
}

export const listWorkflowsEndpoint = endpoint({
  method: "GET",
  path: "/workflows",
  operationId: "listWorkflows",
  tag: "Workflows",
  summary: "List workflows",
  description: "The workflows the key's owner may see (owned, shared with them, public; all for admins), most recently updated first.",
  permission: "workflows:view",
  query: listWorkflowsQuery,
  response: workflowList,
  errors: ["invalid_request"],
  async handle({ actor, query }) {
    const { workflows } = await listWorkflows(actor, query);
    return { workflows: workflows.map(summaryOf) };
  },
});

export const getWorkflowEndpoint = endpoint({
  method: "GET",
  path: "/workflows/{id}",
  operationId: "getWorkflow",
  tag: "Workflows",
  summary: "Get a workflow",
  description: "One workflow with the input fields a run of its published version (and, for those who may run it, of its draft) takes.",
  permission: "workflows:view",
  params: workflowParams,
  response: workflowDetail,
  errors: ["not_found"],
  async handle({ actor, params }) {
    const doc = await visibleWorkflow(actor, params.id, { graph: true });
    const acl = aclOf(doc.permissions);
    const canRun = can(actor, "workflow:run", acl) && doc.status !== "archived";
    const published = doc.publishedVersion == null ? null : startFields(await loadRunGraph(versionId(params.id, doc.publishedVersion)));
    return {
      id: String(doc._id),
      name: doc.name,
      description: doc.description ?? "",
      status: doc.status as WorkflowStatus,
      tags: doc.metadata?.tags ?? [],
      publishedVersion: doc.publishedVersion ?? null,
      access: accessFor(actor, acl) ?? "viewer",
      updatedAt: iso(doc.updatedAt),
      canRun,
      inputFields: { published, draft: canRun ? startFields(graphOf(doc)) : null },
    };
  },
});
