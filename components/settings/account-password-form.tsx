"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { changePasswordAction } from "@/app/(app)/settings/account/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { showServerErrors } from "@/components/settings/server-errors";
import { changePasswordSchema } from "@/lib/users/schema";

type Values = z.input<typeof changePasswordSchema>;
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
const EMPTY: Values = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Change your password. The change ends every session signed in before it (this one too), so on
 * success this browser signs in again with the new password and stays signed in.
 */
export function AccountPasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY, mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;
  const errorOf = (name: (typeof FIELDS)[number]) => (errors[name]?.message ? [errors[name].message] : undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await changePasswordAction(values);
    if (!res.ok) {
      setFormError(showServerErrors(res, FIELDS, form.setError));
      return;
    }
    const again = await signIn("credentials", { email, password: values.newPassword, redirect: false });
    form.reset(EMPTY);
    if (!again?.ok || again.error) {
      router.replace("/login?reason=password-changed");
      return;
    }
    toast.success(res.message);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="account-password-form">
      {/* For password managers: the account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" type="password" autoComplete="current-password" errors={errorOf("currentPassword")} {...form.register("currentPassword")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a good one."
        errors={errorOf("newPassword")}
        {...form.register("newPassword", { deps: ["confirmPassword"] })}
      />
      <TextField label="New password again" type="password" autoComplete="new-password" errors={errorOf("confirmPassword")} {...form.register("confirmPassword")} />
      {formError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="mr-auto text-xs text-zinc-500">You stay signed in here; other browsers and devices are signed out.</p>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting && <Loader2 aria-hidden className="size-4 animate-spin" />} Change password
        </Button>
      </div>
    </form>
  );
}
