// Starts another workflow as a child run, passing it input built from this run's data.
import { z } from "zod";
import { configObject, flag, identifier, jsonataExpression, requiredText, uniqueBy } from "../fields";
import { expressionsAt } from "../expression-paths";
import { errorHandle, inputHandle, nextHandle } from "../handles";
import type { NodeDefinition } from "../types";

const mapping = z.object(
  { key: identifier("Input name"), expression: jsonataExpression("Input expression") },
  { error: "Each input mapping must be an object" },
);

export const subprocessConfigSchema = configObject({
  workflowId: requiredText("Workflow", 100),
  inputMapping: z
    .array(mapping, { error: "Input mapping must be a list" })
    .max(100, { error: "At most 100 inputs" })
    .superRefine(uniqueBy("key", "Input name")),
  /** When true the run pauses until the child ends and continues with its output. */
  waitForResult: flag("Wait for result"),
});

export type SubprocessConfig = z.infer<typeof subprocessConfigSchema>;

export const subprocessDefinition: NodeDefinition<typeof subprocessConfigSchema> = {
  notTestableAlone:
    "A sub-workflow step starts a whole run of another workflow and waits for it, so it cannot be tested alone. Run that workflow itself, or pin an output here so test runs go on without starting it.",
  type: "subprocess",
  label: "Sub-workflow",
  description: "Runs another workflow, optionally waiting for its result. Takes the error output when the child fails.",
  icon: "Workflow",
  category: "flow",
  color: "#0d9488",
  configSchema: subprocessConfigSchema,
  // The workflow is left blank on purpose: the designer picks which one to call.
  defaults: () => ({ workflowId: "", inputMapping: [], waitForResult: true }),
  blankRequired: ["workflowId"],
  inputs: [inputHandle],
  // The error output fires when the child cannot be started or, when waiting, when it fails.
  outputs: () => [nextHandle, errorHandle],
  expressions: expressionsAt([{ pattern: "inputMapping.*.expression", kind: "jsonata" }]),
};
