// One zod schema per user form, shared by the client forms and the server actions.
import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { ROLES } from "@/lib/auth/roles";

export const MAX_PASSWORD_LENGTH = 1024;

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long (at most 254 characters).")
  .email("Enter a valid email address, like name@example.com.")
  .transform((s) => s.toLowerCase());

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ message: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_LENGTH, `That password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`),
});

export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const rolesSchema = z
  .array(z.enum(ROLES, { message: `Unknown role. Choose from: ${ROLES.join(", ")}.` }))
  .min(1, "Choose at least one role.");

export const nameSchema = plainText(z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."), "Name");

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
  roles: rolesSchema,
});

export const userIdSchema = z.string().regex(/^[a-f0-9]{24}$/, "Unknown user.");

export const updateRolesSchema = z.object({ userId: userIdSchema, roles: rolesSchema });
export const setActiveSchema = z.object({ userId: userIdSchema, active: z.boolean() });

/** Your account: the name others see on runs, tasks and comments. */
export const updateNameSchema = z.object({ name: nameSchema });

/**
 * Your account: a new password under the same rules as a new user's (newPasswordSchema), given
 * twice, and the current one so a session left open on a shared computer cannot take the account.
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(MAX_PASSWORD_LENGTH, `That password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }).min(1, "Type the new password again."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const resetPasswordSchema = z.object({ userId: userIdSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;

/** Field errors in the `{ errors, message }` shape every action returns. */
export type FieldErrors = Record<string, string[] | undefined>;
export interface ActionResult {
  ok: boolean;
  message?: string;
  errors?: FieldErrors;
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
