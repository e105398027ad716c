// Zod schemas for the stored graph: structure and size only. What each node's config must
// hold is its definition's business (lib/nodes), and whether the graph makes sense is the
// validator's (lib/engine/validate.ts). Unknown keys are stripped, which also drops React
// Flow's UI state (selected, measured, dragging) before anything is saved.
import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode, WorkflowSettings } from "./types";

export const MAX_NODES = 10_000;
export const MAX_EDGES = 50_000;

// Ids may become keys of run data ("outputs by node"), and the database forbids "." and "$".
const ID = /^[A-Za-z0-9_:-]+$/;

export const graphIdSchema = z
  .string({ error: "Id is required" })
  .min(1, { error: "Id is required" })
  .max(100, { error: "Id must be at most 100 characters" })
  .regex(ID, { error: "Id may use only letters, digits, -, _ and :" });

const coordinate = z
  .number({ error: "Position must be a number" })
  .min(-1e7, { error: "Position is too far from the origin" })
  .max(1e7, { error: "Position is too far from the origin" });

/** A pinned step output on a draft node (lib/engine/pins.ts): the output is the user's own JSON. */
export const pinnedOutputSchema = z.object(
  {
    output: z.unknown(),
    handle: z.string({ error: "Pinned handle must be text" }).max(100).optional(),
    pinnedAt: z.string({ error: "Pinned time must be text" }).max(40),
    pinnedBy: z.string({ error: "Pinned by must be a user id" }).max(100),
    fromRunId: z.string({ error: "Pinned run must be a run id" }).max(100).optional(),
  },
  { error: "A pinned output must be {output, pinnedAt, pinnedBy}" },
);

export const workflowNodeSchema = z.object(
  {
    id: graphIdSchema,
    type: z.string({ error: "Node type is required" }).min(1, { error: "Node type is required" }).max(50),
    position: z.object({ x: coordinate, y: coordinate }, { error: "Position must be {x, y}" }),
    data: z.object(
      {
        title: plainText(z.string({ error: "Title must be text" }).max(200, { error: "Title must be at most 200 characters" }), "Node title"),
        // Each type's own schema checks the inside; here it only has to be an object.
        config: z.record(z.string(), z.unknown(), { error: "Config must be an object" }),
        /** Drafted by AI and not reviewed yet (lib/ai/draft); absent once a designer touched it. */
        suggested: z.boolean({ error: "Suggested must be true or false" }).optional(),
        pinned: pinnedOutputSchema.optional(),
      },
      { error: "Node data must be {title, config}" },
    ),
  },
  { error: "Each node must be an object" },
) satisfies z.ZodType<WorkflowNode>;

const shortText = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).max(max, { error: `${label} must be at most ${max} characters` });
const optionalShortText = (label: string, max: number) => shortText(label, max).optional();

export const workflowEdgeSchema = z.object(
  {
    id: graphIdSchema,
    source: graphIdSchema,
    target: graphIdSchema,
    // React Flow writes null for "no handle"; stored, that is simply absent.
    sourceHandle: z
      .string({ error: "Source handle must be text" })
      .max(100, { error: "Source handle must be at most 100 characters" })
      .nullish()
      .transform((value) => value ?? undefined),
    label: plainText(shortText("Edge label", 200), "Edge label").optional(),
    condition: optionalShortText("Edge condition", 10_000),
  },
  { error: "Each edge must be an object" },
) satisfies z.ZodType<WorkflowEdge, unknown>;

export const workflowGraphSchema = z.object(
  {
    nodes: z
      .array(workflowNodeSchema, { error: "Nodes must be a list" })
      .max(MAX_NODES, { error: `A workflow can have at most ${MAX_NODES} nodes` }),
    edges: z
      .array(workflowEdgeSchema, { error: "Edges must be a list" })
      .max(MAX_EDGES, { error: `A workflow can have at most ${MAX_EDGES} edges` }),
  },
  { error: "A workflow must have nodes and edges" },
) satisfies z.ZodType<WorkflowGraph, unknown>;

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max}` });

/** A budget in US dollars: more than 0, at most a million, to the cent or finer. */
const dollars = (label: string) =>
  z
    .number({ error: `${label} must be a number of dollars` })
    .finite({ error: `${label} must be a number of dollars` })
    .positive({ error: `${label} must be more than $0 (leave it empty for no budget)` })
    .max(1_000_000, { error: `${label} must be at most $1,000,000` });

export const workflowSettingsSchema = z.object(
  {
    timeout: count("Timeout (seconds)", 0, 31_536_000),
    maxRetries: count("Max retries", 0, 10),
    concurrency: count("Concurrency", 0, 1_000),
    maxSteps: count("Max steps", 1, 1_000_000),
    notifyOnFailure: z.boolean({ error: "Notify on failure must be on or off" }),
    notifyOnSuccess: z.boolean({ error: "Notify on success must be on or off" }),
    poisonAfter: count("Worker stops before a step fails", 1, 10).optional(),
    budget: z
      .object(
        { perRunUsd: dollars("Budget per run").optional(), perDayUsd: dollars("Budget per day").optional() },
        { error: "Budget must be an object with perRunUsd and perDayUsd" },
      )
      .optional(),
  },
  { error: "Settings must be an object" },
) satisfies z.ZodType<WorkflowSettings>;

export const defaultSettings: WorkflowSettings = {
  timeout: 0,
  maxRetries: 0,
  concurrency: 0,
  maxSteps: 1_000,
  notifyOnFailure: false,
  notifyOnSuccess: false,
  poisonAfter: 3,
};

/**
 * A workflow as exported to a file and imported back: the graph plus optional name,
 * description and settings (missing settings take defaultSettings). Node configs are
 * checked against their types by parseImport (lib/workflow/import.ts), not here.
 */
export const workflowImportSchema = z.object(
  {
    name: plainText(z.string({ error: "Name must be text" }).max(200, { error: "Name must be at most 200 characters" }), "Name").optional(),
    description: plainText(
      z.string({ error: "Description must be text" }).max(5_000, { error: "Description must be at most 5000 characters" }),
      "Description",
      true,
    ).optional(),
    nodes: workflowGraphSchema.shape.nodes,
    edges: workflowGraphSchema.shape.edges,
    settings: workflowSettingsSchema.partial().optional(),
  },
  { error: "A workflow file must hold an object with nodes and edges" },
);
