"use server";
// Saving the retention policy: admins only ("settings:manage", checked by the guard and again
// by the service through `can`); the form's values are parsed by the schema the form uses.
import { revalidatePath } from "next/cache";
import { guardAction, type ActionRefusal } from "@/lib/auth/action-guard";
import { saveRetentionPolicy, type RetentionSaveResult } from "@/lib/retention/settings";

export async function saveRetentionAction(form: unknown): Promise<RetentionSaveResult | ActionRefusal> {
  return guardAction(
    "settings:manage",
    async (actor) => {
      const result = await saveRetentionPolicy(actor, form);
      if (result.ok) revalidatePath("/settings/retention");
      return result;
    },
    "retention",
  );
}
