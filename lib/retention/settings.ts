import "server-only";
// Reading and saving the retention policy: one document, app_settings `_id: "retention"`.
// Saving needs "settings:manage" (admins), checked here with `can`, so every caller is covered.
import { can, type Actor } from "@/lib/auth/roles";
import { PermissionError } from "@/lib/auth/errors";
import { AppSetting } from "@/models/AppSetting";
import { RetentionProgress } from "@/models/RetentionProgress";
import { DEFAULT_POLICY, retentionFormSchema, storedPolicySchema, type RetentionPolicy } from "./policy";

export const RETENTION_SETTING_ID = "retention";
const ONLY_ADMINS = "Only admins can change how long runs are kept.";

export interface RetentionSettingsView {
  policy: RetentionPolicy;
  /** When an admin last saved it; null while the defaults apply. */
  updatedAt: string | null;
}

export interface RetentionStatus {
  /** When the job last finished a clean-up; null before the first. */
  lastRunAt: string | null;
  lastPruned: number;
}

export interface RetentionSaveResult {
  ok: boolean;
  message: string;
  errors?: Partial<Record<"keepDays" | "keepPerWorkflow", string[]>>;
  policy?: RetentionPolicy;
}

/** The policy in force: the stored one, or the defaults for what is missing or unreadable. */
export async function readRetentionPolicy(): Promise<RetentionSettingsView> {
  const doc = await AppSetting.findById(RETENTION_SETTING_ID).lean();
  if (!doc) return { policy: DEFAULT_POLICY, updatedAt: null };
  const parsed = storedPolicySchema.safeParse({ keepDays: doc.keepDays, keepPerWorkflow: doc.keepPerWorkflow });
  if (!parsed.success) console.warn("[retention] the stored policy is not valid; using the defaults:", parsed.error.issues[0]?.message);
  const stored = parsed.success ? parsed.data : {};
  return {
    policy: { keepDays: stored.keepDays ?? DEFAULT_POLICY.keepDays, keepPerWorkflow: stored.keepPerWorkflow ?? DEFAULT_POLICY.keepPerWorkflow },
    updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : null,
  };
}

/** The settings page's read: admins only. */
export async function retentionSettingsFor(actor: Actor): Promise<RetentionSettingsView & { status: RetentionStatus }> {
  if (!can(actor, "settings:manage")) throw new PermissionError(ONLY_ADMINS);
  const [view, progress] = await Promise.all([readRetentionPolicy(), RetentionProgress.findById("retention").lean()]);
  return { ...view, status: { lastRunAt: progress?.lastSurveyAt ? new Date(progress.lastSurveyAt).toISOString() : null, lastPruned: progress?.lastPruned ?? 0 } };
}

export async function saveRetentionPolicy(actor: Actor & { id: string }, input: unknown): Promise<RetentionSaveResult> {
  if (!can(actor, "settings:manage")) throw new PermissionError(ONLY_ADMINS);
  const parsed = retentionFormSchema.safeParse(input);
  if (!parsed.success) {
    const errors: RetentionSaveResult["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "keepDays" || field === "keepPerWorkflow") (errors[field] ??= []).push(issue.message);
    }
    const fieldless = parsed.error.issues.find((i) => i.path[0] !== "keepDays" && i.path[0] !== "keepPerWorkflow");
    return { ok: false, errors, message: fieldless ? `The retention settings were refused: ${fieldless.message}.` : "Check the highlighted fields." };
  }
  const policy = parsed.data;
  // A whole-document replace, not $set on fields: FerretDB applies updates in Go outside a
  // transaction, and the document has only these fields, so the last save wins as a whole.
  await AppSetting.replaceOne({ _id: RETENTION_SETTING_ID }, { ...policy, updatedBy: actor.id }, { upsert: true, timestamps: true });
  return { ok: true, message: "Saved. The next clean-up uses the new settings.", policy };
}
