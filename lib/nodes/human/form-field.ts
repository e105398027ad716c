// One field of the form an approver fills in a human task. Kept apart from the human
// definition because the inbox renders and validates answers against the same schema.
import { z } from "zod";
import { choice, flag, identifier, requiredText, uniqueBy } from "../fields";

export const formFieldKinds = ["text", "textarea", "number", "select", "checkbox", "date"] as const;

const bound = (label: string) => z.number({ error: `${label} must be a number` }).optional();

export const formFieldSchema = z
  .object(
    {
      name: identifier("Field name"),
      label: requiredText("Field label"),
      kind: choice("Field kind", formFieldKinds),
      required: flag("Required"),
      /** number: smallest value; text and textarea: fewest characters. */
      min: bound("Minimum"),
      /** number: largest value; text and textarea: most characters. */
      max: bound("Maximum"),
      /** The choices of a select. */
      options: z
        .array(requiredText("Option"), { error: "Options must be a list" })
        .max(100, { error: "A select can have at most 100 options" })
        .optional(),
    },
    { error: "Each form field must be an object" },
  )
  .superRefine((field, ctx) => {
    if (field.kind === "select" && (field.options ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `Add at least one option to "${field.label}"` });
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "Maximum must not be less than minimum" });
    }
  });

export type FormField = z.infer<typeof formFieldSchema>;

export const formFieldsSchema = z
  .array(formFieldSchema, { error: "Form fields must be a list" })
  .max(50, { error: "A form can have at most 50 fields" })
  .superRefine(uniqueBy("name", "Field name"));
