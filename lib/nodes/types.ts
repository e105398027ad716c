// The contract every node type folder in lib/nodes/<type>/ fulfils. Pure: no I/O, no React.
// Executors are not part of a definition: they live beside it in lib/nodes/<type>/executor.ts
// so the canvas can import every definition without pulling in server-only code.
import type { z } from "zod";
import type { AiStepShape } from "@/lib/ai/budget/ai-steps";

export type NodeCategory = "flow" | "logic" | "integrations" | "ai" | "people" | "data";

export interface HandleDef {
  id: string;
  label: string;
  /** "error" outputs take the run when the node fails; others carry its normal result. */
  kind?: "default" | "error";
}

/** A JSONata or template expression inside a node's config, for syntax checks and hints. */
export interface ExpressionRef {
  /** Dotted path inside config, e.g. "branches.0.condition". */
  path: string;
  source: string;
  kind: "jsonata" | "template";
}

export interface NodeDefinition<Schema extends z.ZodType = z.ZodType> {
  type: string;
  label: string;
  description: string;
  /** A lucide-react icon name, e.g. "GitBranch". */
  icon: string;
  category: NodeCategory;
  /** A CSS colour for the node's accent, legible on light and dark backgrounds. */
  color: string;
  configSchema: Schema;
  defaults: () => z.infer<Schema>;
  /**
   * Config paths (dotted, as in ExpressionRef.path) that defaults() leaves blank on purpose
   * because only the user can fill them (an HTTP URL, a decision condition). defaults() fail
   * the schema at exactly these paths and nowhere else; the inspector can highlight them.
   */
  blankRequired?: readonly string[];
  /** Input handles; start has none. */
  inputs: HandleDef[];
  /**
   * Output handles, which may depend on config (decision branches). Takes the config as
   * stored, which may not pass the schema while the user is still editing it: the canvas must
   * keep drawing handles and the validator must keep checking edges meanwhile.
   */
  outputs: (config: unknown) => HandleDef[];
  /**
   * Expressions inside the config, so the editor and the validator can check them. Like
   * outputs, takes the config as stored, so a syntax error shows even while another field
   * is invalid.
   */
  expressions?: (config: unknown) => ExpressionRef[];
  /**
   * Values known to fit a text field, by dotted config path, for the form to offer (the AI
   * step's models for its provider). Offered, not enforced: the schema decides what is valid.
   * Takes the config as stored, like outputs. `catalog` is what the server offers (the admins'
   * enabled AI models); without it, the type's own static lists apply.
   */
  knownValues?: (config: unknown, catalog?: KnownCatalog) => Record<string, readonly string[]>;
  /** For nodes that call a language model: its prompt size, output cap and call limit, from the config as stored (the Run dialog's cost estimate). */
  aiCalls?: (config: unknown) => AiStepShape | null;
  /**
   * What the schema accepts but a person should still look at (a placeholder address left in
   * an AI-drafted step): the validator lists them as warnings, which never block a run or a
   * publish. Takes the config as stored, like outputs.
   */
  reviewHints?: (config: unknown) => { path: string; message: string }[];
  /**
   * Why a step of this type cannot be run alone from the inspector ("Test this step"), for types
   * that wait for the world (a person, a time, a child run). Absent: it can be tested alone.
   */
  notTestableAlone?: string;
}

/** Lists the server offers to the designer (Settings → AI models), passed to knownValues. */
export interface KnownCatalog {
  /** Enabled model ids by provider id. */
  aiModels?: Readonly<Record<string, readonly string[]>>;
}
