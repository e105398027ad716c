// The form of a new API key, shared by the settings dialog and the server action.
import { z } from "zod";

/** Expiry choices in days; "never" keeps the key until it is revoked. */
export const EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  "7": "7 days",
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "Never",
};

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name" })
    .trim()
    .min(1, { error: "Give the key a name, e.g. the program that will use it" })
    .max(80, { error: "The name may be at most 80 characters" }),
  expiresIn: z.enum(EXPIRY_CHOICES, { error: `Expiry must be one of: ${EXPIRY_CHOICES.join(", ")} (days)` }).default("90"),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const keyPublicIdSchema = z.string({ error: "Key id is required" }).regex(/^[a-f0-9]{16}$/, { error: "That is not an API key id" });

/** The expiry date of a key created at `now`, or null for "never". */
export function expiryDate(choice: ExpiryChoice, now: number): Date | null {
  return choice === "never" ? null : new Date(now + Number(choice) * 24 * 60 * 60 * 1000);
}
