// Sets run variables from JSONata expressions, in order, so later ones can read earlier ones.
import { z } from "zod";
import { configObject, identifier, jsonataExpression, uniqueBy } from "../fields";
import { expressionsAt } from "../expression-paths";
import { inputHandle, nextHandle } from "../handles";
import type { NodeDefinition } from "../types";

const assignment = z.object(
  { variable: identifier("Variable"), expression: jsonataExpression("Value expression") },
  { error: "Each assignment must be an object" },
);

export const setConfigSchema = configObject({
  assignments: z
    .array(assignment, { error: "Assignments must be a list" })
    .min(1, { error: "Add at least one assignment" })
    .max(100, { error: "At most 100 assignments" })
    .superRefine(uniqueBy("variable", "Variable")),
});

export type SetConfig = z.infer<typeof setConfigSchema>;

export const setDefinition: NodeDefinition<typeof setConfigSchema> = {
  type: "set",
  label: "Set variables",
  description: "Stores values computed with JSONata in run variables.",
  icon: "Variable",
  category: "data",
  color: "#65a30d",
  configSchema: setConfigSchema,
  // One blank row on purpose: a set node with nothing to set is pointless, so show the form.
  defaults: () => ({ assignments: [{ variable: "", expression: "" }] }),
  blankRequired: ["assignments.0.variable", "assignments.0.expression"],
  inputs: [inputHandle],
  outputs: () => [nextHandle],
  expressions: expressionsAt([{ pattern: "assignments.*.expression", kind: "jsonata" }]),
};
