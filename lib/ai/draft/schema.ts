// The inputs of drafting a workflow from a sentence, shared by the dialog and the server actions.
import { z } from "zod";
import { aiProviders } from "@/lib/nodes/ai/definition";
import { isHttpUrl } from "@/lib/nodes/fields";
import { modelMismatch } from "@/lib/ai/models";
import { plainText } from "@/lib/validation/plain-text";

const objectId = (what: string) => z.string({ error: `Unknown ${what}.` }).regex(/^[a-f0-9]{24}$/, { error: `Unknown ${what}.` });

export const draftRequestSchema = z
  .object({
    prompt: plainText(
      z.string({ error: "Describe what should happen." }).trim().min(3, { error: "Describe what should happen." }).max(2_000, { error: "Use at most 2000 characters." }),
      "The description",
      true,
    ),
    provider: z.enum(aiProviders, { error: "Choose a provider." }).default("simulated"),
    model: z.string({ error: "Choose a model." }).trim().min(1, { error: "Choose a model." }).max(200).default("simulated"),
    baseUrl: z
      .string()
      .trim()
      .max(2_000)
      .refine((s) => s === "" || isHttpUrl(s), { error: "Base URL must start with http:// or https://" })
      .optional(),
    credentialId: objectId("credential").optional(),
  })
  .superRefine((input, ctx) => {
    // Provider and model are checked together, as on the AI step (lib/ai/models.ts).
    const mismatch = modelMismatch(input.provider, input.model);
    if (mismatch) ctx.addIssue({ code: "custom", path: ["model"], message: mismatch });
    if (input.provider === "openai-compatible" && !input.baseUrl) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Base URL is required for an OpenAI-compatible provider" });
    }
  });

export type DraftRequest = z.input<typeof draftRequestSchema>;

const coordinate = z.number().finite().min(-1e7).max(1e7);

export const openDraftSchema = z.object({
  suggestionId: objectId("draft"),
  /** Auto-layout positions from the browser (components/canvas/graph/layout.ts), by node id. */
  positions: z.record(z.string().max(100), z.object({ x: coordinate, y: coordinate })).optional(),
  /** Put the draft into this (empty) workflow instead of creating one. */
  workflowId: objectId("workflow").optional(),
});

export const draftFeedbackSchema = z.object({
  suggestionId: objectId("draft"),
  vote: z.enum(["up", "down"], { error: "Choose thumbs up or down." }),
  comment: plainText(z.string().trim().max(1_000, { error: "Use at most 1000 characters." }), "The comment", true).optional(),
});
