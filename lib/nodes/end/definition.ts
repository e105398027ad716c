// Where a run finishes. Its mapping builds the run's output from the run's data; a list of
// {key, expression} rather than an object because keys come from the user.
import { z } from "zod";
import { configObject, identifier, jsonataExpression, uniqueBy } from "../fields";
import { expressionsAt } from "../expression-paths";
import { inputHandle } from "../handles";
import type { NodeDefinition } from "../types";

const outputEntry = z.object(
  { key: identifier("Output name"), expression: jsonataExpression("Output expression") },
  { error: "Each output must be an object" },
);

export const endConfigSchema = configObject({
  outputMapping: z
    .array(outputEntry, { error: "Outputs must be a list" })
    .max(100, { error: "A workflow can return at most 100 outputs" })
    .superRefine(uniqueBy("key", "Output name")),
});

export type EndConfig = z.infer<typeof endConfigSchema>;

export const endDefinition: NodeDefinition<typeof endConfigSchema> = {
  type: "end",
  label: "End",
  description: "Finishes the run and builds its output from JSONata expressions.",
  icon: "Flag",
  category: "flow",
  color: "#dc2626",
  configSchema: endConfigSchema,
  defaults: () => ({ outputMapping: [] }),
  inputs: [inputHandle],
  outputs: () => [],
  expressions: expressionsAt([{ pattern: "outputMapping.*.expression", kind: "jsonata" }]),
};
