// One schema for an AI model row, shared by the settings form and the server (STYLE 2). Pure.
import { z } from "zod";
import { aiProviders } from "@/lib/nodes/ai/definition";
import { plainText } from "@/lib/validation/plain-text";

export interface AiModelRow {
  /** `<provider>:<modelId>` (models/AiModel.ts). */
  id: string;
  name: string;
  provider: (typeof aiProviders)[number];
  modelId: string;
  /** US dollars per million tokens; null: price unknown. */
  inputPerMillion: number | null;
  outputPerMillion: number | null;
  enabled: boolean;
}

/** The one key of a model: the same model id may be offered by two providers at different prices. */
export const modelKey = (provider: string, modelId: string) => `${provider}:${modelId.trim()}`;

/** A price typed in a form: empty is "unknown" (null); otherwise dollars per million tokens, 0 to 10,000. */
const price = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim().replace(/^\$/, "")) : v),
    z
      .number({ error: `${label} must be a number of dollars, e.g. 0.15` })
      .finite({ error: `${label} must be a number of dollars, e.g. 0.15` })
      .min(0, { error: `${label} cannot be negative` })
      .max(10_000, { error: `${label} must be at most $10,000 per million tokens` })
      .nullable(),
  );

export const aiModelFormSchema = z.object({
  name: plainText(
    z.string({ error: "Name must be text" }).trim().min(1, { error: "Name is required" }).max(100, { error: "Name must be at most 100 characters" }),
    "Name",
  ),
  provider: z.enum(aiProviders, { error: `Provider must be one of: ${aiProviders.join(", ")}` }),
  modelId: z
    .string({ error: "Model id must be text" })
    .trim()
    .min(1, { error: "Model id is required" })
    .max(200, { error: "Model id must be at most 200 characters" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/, { error: "Model id may hold letters, digits and . _ : / @ + - (no spaces), as the provider spells it" }),
  inputPerMillion: price("Input price"),
  outputPerMillion: price("Output price"),
  enabled: z.boolean({ error: "Enabled must be on or off" }).default(true),
});

export type AiModelForm = z.input<typeof aiModelFormSchema>;
export type AiModelValues = z.output<typeof aiModelFormSchema>;

/** What the save action takes: a new model, or an edit of the model `id` (its provider and model id stay). */
export const saveAiModelSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("create"), model: aiModelFormSchema }),
  z.object({ mode: z.literal("edit"), id: z.string({ error: "Model id is required" }).min(3).max(300), model: aiModelFormSchema }),
], { error: "Say whether a model is created or edited" });

export const setAiModelEnabledSchema = z.object({
  id: z.string({ error: "Model id is required" }).min(3).max(300),
  enabled: z.boolean({ error: "Enabled must be on or off" }),
});
