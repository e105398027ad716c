// What the designer (client) and the workflow server actions exchange. Pure types.
import type { WorkflowEdge, WorkflowNode, WorkflowSettings } from "@/lib/workflow/types";

export type WorkflowStatus = "draft" | "active" | "archived";
/** What the signed-in user may do with one workflow. */
export type WorkflowAccess = "owner" | "editor" | "viewer";

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  status: WorkflowStatus;
  tags: string[];
  ownerName: string;
  updatedAt: string;
  lastEditorName: string;
  publishedVersion: number | null;
  nodeCount: number;
  access: WorkflowAccess;
}

export interface WorkflowEditorData {
  id: string;
  name: string;
  description: string;
  status: WorkflowStatus;
  tags: string[];
  revision: number;
  publishedVersion: number | null;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  settings: WorkflowSettings;
  /** Listed and run by AI assistants through /api/mcp (lib/workflows/ai-availability.ts). */
  availableToAi: boolean;
  access: WorkflowAccess;
  updatedAt: string;
}

export interface SaveGraphInput {
  id: string;
  /** The revision the client's copy is based on. */
  revision: number;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  /** Overwrite even if the stored revision moved on (after the user saw the differences). */
  force?: boolean;
}

export type SaveGraphResult =
  | { ok: true; revision: number; savedAt: string }
  | {
      ok: false;
      conflict: { revision: number; nodes: WorkflowNode[]; edges: WorkflowEdge[]; lastEditorName: string; updatedAt: string };
    }
  | { ok: false; message: string; problems?: { path: string; message: string }[] };

export interface VersionSummary {
  version: number;
  notes: string;
  publishedAt: string;
  publishedByName: string;
  nodeCount: number;
  edgeCount: number;
}

/** One setting that differs: "title", "type", "config.branches.0.condition", "source"… A side without the setting has no value. */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** A node only the older side has, drawn as an outline where it was. */
export interface GhostNode {
  id: string;
  title: string;
  type: string;
  position: { x: number; y: number };
}

export interface GraphDiff {
  /** changed: a setting, the title or the type differs (maybe the position too); moved: only the position. */
  nodes: { added: string[]; removed: string[]; changed: string[]; moved: string[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
  /** What differs in each changed or moved node and each changed edge, by id. */
  fields: { nodes: Record<string, FieldChange[]>; edges: Record<string, FieldChange[]> };
  /** Every node's title on either side (the newer one wins), so removed nodes can be named. */
  titles: Record<string, string>;
  /** The removed nodes, with where they were. */
  ghosts: GhostNode[];
  /** The ends of every edge added, removed or changed, so one no longer on the canvas can be named. */
  edgeEnds: Record<string, { source: string; target: string }>;
}

// ---- Added with the workflow server actions (lib/workflows, app/(app)/workflows/**/actions.ts) ----

/** A problem with where it is: a dotted path in the payload or file ("nodes.3.data.config.url"). */
export interface PathProblem {
  path: string;
  message: string;
}

/** Every workflow action answers with this: a refusal carries a message, never an exception. */
export interface Refusal {
  ok: false;
  message: string;
  /** Field errors of a form (name, tags, owners…), keyed by field. */
  errors?: Record<string, string[] | undefined>;
  /** Import and payload problems, the first 20. */
  problems?: PathProblem[];
  /** There were more problems than those listed. */
  truncated?: boolean;
}

export type Outcome<T extends object = object> = ({ ok: true; message?: string } & T) | Refusal;

/** A problem the validator (lib/engine/validate.ts) reports, as publish returns it. */
export interface PublishProblem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

export interface PublishInput {
  id: string;
  notes?: string;
  /** When given, publishing is refused unless the stored draft is still at this revision. */
  revision?: number;
}

export type PublishResult =
  | { ok: true; version: number; message: string }
  | { ok: false; message: string; validation?: PublishProblem[] };

export interface VersionSnapshot {
  version: number;
  notes: string;
  publishedAt: string;
  publishedByName: string;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  settings: WorkflowSettings;
}

/** A side of a comparison: a version number, or the current draft. */
export type DiffSide = number | "draft";

export interface RestoredDraft {
  revision: number;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  settings: WorkflowSettings;
}

export interface UpdateMetaInput {
  id: string;
  name?: string;
  description?: string;
  tags?: string[];
  settings?: WorkflowSettings;
}

export interface ShareInput {
  id: string;
  /** User emails or ids. */
  owners: string[];
  editors: string[];
  viewers: string[];
  isPublic?: boolean;
}

export interface SharePerson {
  id: string;
  email: string;
  name: string;
}

export interface SharingView {
  owners: SharePerson[];
  editors: SharePerson[];
  viewers: SharePerson[];
  isPublic: boolean;
}

export interface WorkflowExport {
  format: "switchyard.workflow";
  formatVersion: number;
  exportedAt: string;
  name: string;
  description: string;
  tags: string[];
  settings: WorkflowSettings;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  tags: string[];
  nodeCount: number;
}
