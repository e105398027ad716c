import "server-only";
// The "Available to AI assistants" switch of a workflow: whether /api/mcp offers its published
// version as a tool (to keys whose owner may run it). Changing it is an edit of the workflow.
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { Workflow } from "@/models/Workflow";
import type { Outcome } from "./contract";
import { invalidInput } from "./refusals";
import { workflowIdSchema } from "./schema";
import { ARCHIVED, authorizedWorkflow } from "./store";

export const aiAvailabilitySchema = z.object({
  id: workflowIdSchema,
  available: z.boolean({ error: "Available to AI assistants must be on or off" }),
});

export type AiAvailabilityInput = z.infer<typeof aiAvailabilitySchema>;

export async function setAvailableToAi(actor: Actor, input: unknown): Promise<Outcome<{ available: boolean }>> {
  const parsed = aiAvailabilitySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "Changing AI availability");
  const { id, available } = parsed.data;
  const doc = await authorizedWorkflow(actor, id, "workflow:edit");
  if (doc.status === "archived") return { ok: false, message: ARCHIVED };
  await Workflow.updateOne({ _id: id }, { $set: { availableToAi: available, "metadata.lastEditor": actor.id } });
  const message = available
    ? doc.publishedVersion == null
      ? "Available to AI assistants once it is published."
      : "AI assistants can now run the published version."
    : "No longer available to AI assistants.";
  return { ok: true, available, message };
}
