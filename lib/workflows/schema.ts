// One zod schema per workflow input, shared by the forms and the server actions.
import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { workflowGraphSchema, workflowSettingsSchema } from "@/lib/workflow/schema";
import { WORKFLOW_TEMPLATE_IDS } from "./templates/ids";

export const workflowIdSchema = z
  .string({ error: "Unknown workflow." })
  .regex(/^[a-f0-9]{24}$/, { error: "Unknown workflow." });

export const workflowNameSchema = plainText(
  z.string({ error: "Enter a name." }).trim().min(1, { error: "Enter a name." }).max(200, { error: "Use at most 200 characters." }),
  "Name",
);

export const descriptionSchema = plainText(
  z.string({ error: "Description must be text." }).trim().max(5_000, { error: "Use at most 5000 characters." }),
  "Description",
  true,
);

const tagSchema = plainText(
  z.string({ error: "Each tag must be text." }).trim().min(1, { error: "A tag cannot be empty." }).max(40, { error: "A tag can have at most 40 characters." }),
  "A tag",
);

/** Tags, trimmed, without repeats (case-insensitive), at most 20. */
export const tagsSchema = z
  .array(tagSchema, { error: "Tags must be a list." })
  .max(20, { error: "Use at most 20 tags." })
  .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()]);

const revisionSchema = z.number({ error: "Revision must be a number." }).int().min(1);

/** A blank workflow needs its name; a template brings one. Anything else (null, {}, a number) is refused. */
export const createWorkflowSchema = z
  .object(
    {
      name: workflowNameSchema.optional(),
      templateId: z.enum(WORKFLOW_TEMPLATE_IDS, { error: "Unknown template." }).optional(),
    },
    { error: "Creating a workflow needs its name, or a template." },
  )
  .refine((input) => input.name !== undefined || input.templateId !== undefined, { error: "Enter a name.", path: ["name"] });

export const saveGraphSchema = z.object({
  id: workflowIdSchema,
  revision: revisionSchema,
  nodes: workflowGraphSchema.shape.nodes,
  edges: workflowGraphSchema.shape.edges,
  force: z.boolean().optional(),
});

export const updateMetaSchema = z.object({
  id: workflowIdSchema,
  name: workflowNameSchema.optional(),
  description: descriptionSchema.optional(),
  tags: tagsSchema.optional(),
  settings: workflowSettingsSchema.optional(),
});

export const publishSchema = z.object({
  id: workflowIdSchema,
  notes: plainText(z.string({ error: "Notes must be text." }).trim().max(1_000, { error: "Use at most 1000 characters." }), "Version notes", true).default(""),
  revision: revisionSchema.optional(),
});

const versionNumberSchema = z.number({ error: "Choose a version." }).int().min(1, { error: "Choose a version." });

export const versionRefSchema = z.object({ id: workflowIdSchema, version: versionNumberSchema });

export const diffSchema = z.object({
  id: workflowIdSchema,
  from: z.union([versionNumberSchema, z.literal("draft")]),
  to: z.union([versionNumberSchema, z.literal("draft")]),
});

const peopleSchema = (label: string) =>
  z
    .array(z.string().trim().min(1).max(320), { error: `${label} must be a list of emails.` })
    .max(200, { error: `At most 200 ${label.toLowerCase()}.` });

export const shareSchema = z.object({
  id: workflowIdSchema,
  owners: peopleSchema("Owners"),
  editors: peopleSchema("Editors"),
  viewers: peopleSchema("Viewers"),
  isPublic: z.boolean().optional(),
});

export const importSchema = z.object({
  text: z.string({ error: "Choose a workflow file." }),
  fileName: plainText(z.string({ error: "The file name must be text." }).max(300, { error: "The file name is too long." }), "The file name").optional(),
});

export const LIST_SORTS = ["updated", "name", "created"] as const;
export const LIST_STATUSES = ["current", "draft", "active", "archived", "all"] as const;

/** The list page's search params; anything odd in the URL falls back to the default. */
export const listParamsSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  status: z.enum(LIST_STATUSES).catch("current"),
  tag: z.string().trim().max(40).catch(""),
  sort: z.enum(LIST_SORTS).catch("updated"),
});

export type ListParams = z.infer<typeof listParamsSchema>;
export type ListSort = (typeof LIST_SORTS)[number];
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Search params arrive as string | string[] | undefined; keep the first of each. */
export function parseListParams(params: Record<string, string | string[] | undefined>): ListParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return listParamsSchema.parse({
    q: first(params.q),
    status: first(params.status) || "current",
    tag: first(params.tag),
    sort: first(params.sort) || "updated",
  });
}

/** Which node's incoming data the designer asks for (the decision's condition help). */
export const incomingDataSchema = z.object({
  id: workflowIdSchema,
  nodeId: z.string({ error: "Unknown step." }).min(1, { error: "Unknown step." }).max(100, { error: "Unknown step." }),
  sourceIds: z.array(z.string().min(1).max(100), { error: "The steps before it must be a list of ids." }).max(50, { error: "At most 50 steps before it." }),
});
