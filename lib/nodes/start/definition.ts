// The single entry of a workflow. Its config declares the input a run is started with, so
// the run dialog can draw a form and a webhook or API call can be checked against it.
import { z } from "zod";
import { choice, configObject, flag, identifier, optionalText, uniqueBy } from "../fields";
import { nextHandle } from "../handles";
import type { NodeDefinition } from "../types";

export const inputFieldTypes = ["string", "number", "boolean", "date", "object"] as const;

const inputField = z.object(
  {
    name: identifier("Field name"),
    label: optionalText("Field label").optional(),
    type: choice("Field type", inputFieldTypes),
    required: flag("Required"),
    description: optionalText("Field description", 1_000).optional(),
  },
  { error: "Each input field must be an object" },
);

export const startConfigSchema = configObject({
  fields: z
    .array(inputField, { error: "Input fields must be a list" })
    .max(100, { error: "A workflow can take at most 100 input fields" })
    .superRefine(uniqueBy("name", "Field name")),
});

export type StartConfig = z.infer<typeof startConfigSchema>;

export const startDefinition: NodeDefinition<typeof startConfigSchema> = {
  type: "start",
  label: "Start",
  description: "Where every run begins. Declares the input a run is started with.",
  icon: "Play",
  category: "flow",
  color: "#16a34a",
  configSchema: startConfigSchema,
  defaults: () => ({ fields: [] }),
  inputs: [],
  outputs: () => [nextHandle],
};
