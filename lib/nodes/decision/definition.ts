// Chooses one way forward: branches are tried in order, the first whose condition is true
// wins, and "default" is taken when none is. The only node through which a loop may pass.
import { z } from "zod";
import { configObject, isRecord, jsonataExpression, requiredText } from "../fields";
import { expressionsAt } from "../expression-paths";
import { DEFAULT_BRANCH, inputHandle } from "../handles";
import type { HandleDef, NodeDefinition } from "../types";

export { DEFAULT_BRANCH };

// Branch ids are handle ids and end up in edge ids: keep them short and free of "." and "$".
const BRANCH_ID = /^[A-Za-z0-9_-]{1,50}$/;

const branch = z.object(
  {
    id: z.string({ error: "Branch id is required" }).regex(BRANCH_ID, {
      error: "Branch id must be 1 to 50 letters, digits, - or _",
    }),
    label: requiredText("Branch label", 100),
    condition: jsonataExpression("Condition"),
  },
  { error: "Each branch must be an object" },
);

export const decisionConfigSchema = configObject({
  branches: z
    .array(branch, { error: "Branches must be a list" })
    .min(1, { error: "Add at least one branch" })
    .max(50, { error: "A decision can have at most 50 branches" })
    .superRefine((branches, ctx) => {
      const seen = new Set<string>();
      branches.forEach((b, index) => {
        if (b.id === DEFAULT_BRANCH) {
          ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${DEFAULT_BRANCH}" is reserved for the fallback output` });
        } else if (seen.has(b.id)) {
          ctx.addIssue({ code: "custom", path: [index, "id"], message: `Branch id "${b.id}" is used more than once` });
        }
        seen.add(b.id);
      });
    }),
});

export type DecisionConfig = z.infer<typeof decisionConfigSchema>;

/**
 * One handle per branch plus default, read leniently: the canvas must keep drawing the
 * handles while a branch is half-edited. Branches without a usable id are skipped.
 */
function branchHandles(config: unknown): HandleDef[] {
  const branches = isRecord(config) && Array.isArray(config.branches) ? config.branches : [];
  const seen = new Set<string>([DEFAULT_BRANCH]);
  const handles: HandleDef[] = [];
  branches.forEach((b: unknown, index) => {
    if (!isRecord(b) || typeof b.id !== "string" || !BRANCH_ID.test(b.id) || seen.has(b.id)) return;
    seen.add(b.id);
    const label = typeof b.label === "string" && b.label.trim() !== "" ? b.label : `Branch ${index + 1}`;
    handles.push({ id: b.id, label });
  });
  return [...handles, { id: DEFAULT_BRANCH, label: "Otherwise" }];
}

/** A branch id not yet used, for the inspector's "add branch" button. */
export function newBranchId(branches: readonly { id: string }[]): string {
  const used = new Set(branches.map((b) => b.id));
  let n = branches.length + 1;
  while (used.has(`branch-${n}`)) n++;
  return `branch-${n}`;
}

export const decisionDefinition: NodeDefinition<typeof decisionConfigSchema> = {
  type: "decision",
  label: "Decision",
  description: "Takes the first branch whose JSONata condition is true, otherwise the default.",
  icon: "GitBranch",
  category: "logic",
  color: "#d97706",
  configSchema: decisionConfigSchema,
  // The condition is left blank on purpose: only the designer knows what to test.
  defaults: () => ({ branches: [{ id: "branch-1", label: "Yes", condition: "" }] }),
  blankRequired: ["branches.0.condition"],
  inputs: [inputHandle],
  outputs: branchHandles,
  expressions: expressionsAt([{ pattern: "branches.*.condition", kind: "jsonata" }]),
};
