// The retention policy: its shape, its defaults and the one zod schema the settings form and the
// server action share (STYLE "one zod schema per entity"). Pure, so the browser can import it.
import { z } from "zod";

export interface RetentionPolicy {
  /** Days a finished run keeps its step inputs, outputs, logs and events after it ended. */
  keepDays: number;
  /** Finished runs per workflow that keep their details (the newest); null: no limit. */
  keepPerWorkflow: number | null;
}

/**
 * 30 days, as issue 12 asks. No per-workflow count by default: the age limit already bounds
 * what is kept, and a default count would quietly cut a busy workflow's history to hours
 * (1,000 runs a day under a 1,000-run cap), against the 30 days the page promises. An admin
 * who wants a cap sets one knowingly.
 */
export const DEFAULT_POLICY: RetentionPolicy = { keepDays: 30, keepPerWorkflow: null };

export const MAX_KEEP_DAYS = 3650;
export const MAX_KEEP_PER_WORKFLOW = 1_000_000;

const digits = (what: string) => z.string({ error: `${what} must be text` }).trim().regex(/^\d*$/, { error: `${what}: use a whole number, like 30, without signs, dots or letters.` });

/** The form's fields as typed (text), parsed to a policy. An empty count is "no limit". */
export const retentionFormSchema = z.object({
  keepDays: digits("Days to keep")
    .min(1, { error: "Days to keep: say how many days, from 1 to 3650." })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: "Days to keep: keep runs at least 1 day." })
        .max(MAX_KEEP_DAYS, { error: `Days to keep: at most ${MAX_KEEP_DAYS} days (10 years).` }),
    ),
  keepPerWorkflow: digits("Runs kept per workflow")
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: "Runs kept per workflow: keep at least 1 run, or leave it empty for no limit." })
        .max(MAX_KEEP_PER_WORKFLOW, { error: `Runs kept per workflow: at most ${MAX_KEEP_PER_WORKFLOW.toLocaleString("en-US")}, or leave it empty for no limit.` })
        .nullable(),
    ),
});

export type RetentionFormValues = z.input<typeof retentionFormSchema>;

/** The policy as the form shows it. */
export function policyToForm(policy: RetentionPolicy): RetentionFormValues {
  return { keepDays: String(policy.keepDays), keepPerWorkflow: policy.keepPerWorkflow === null ? "" : String(policy.keepPerWorkflow) };
}

/** What a stored document says, checked: a value edited by hand into nonsense falls back to the default. */
export const storedPolicySchema = z.object({
  keepDays: z.number().int().min(1).max(MAX_KEEP_DAYS).nullish(),
  keepPerWorkflow: z.number().int().min(1).max(MAX_KEEP_PER_WORKFLOW).nullish(),
});

export type PruneReason = "age" | "count";

/** How a pruned run was pruned, as stored on the execution (`pruned`). */
export interface PrunedMark {
  at: Date | string;
  reason: PruneReason;
  /** The limit that applied: days for "age", runs kept for "count". */
  limit: number;
}

/** The policy that applied, as the run page's sentence ends: "(30 days)". */
export function prunedPolicyText(mark: Pick<PrunedMark, "reason" | "limit">): string {
  return mark.reason === "age"
    ? `${mark.limit} ${mark.limit === 1 ? "day" : "days"}`
    : `the newest ${mark.limit.toLocaleString("en-US")} finished ${mark.limit === 1 ? "run" : "runs"} of each workflow keep their details`;
}

/** The run page's sentence, e.g. "Step inputs, outputs and the event log of this run were removed on 3 Dec 2026 by the retention policy (30 days)." */
export function prunedNotice(mark: Pick<PrunedMark, "reason" | "limit">, day: string): string {
  return `Step inputs, outputs and the event log of this run were removed on ${day} by the retention policy (${prunedPolicyText(mark)}).`;
}
