"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { updateNameAction } from "@/app/(app)/settings/account/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { showServerErrors } from "@/components/settings/server-errors";
import { updateNameSchema } from "@/lib/users/schema";

type Values = z.input<typeof updateNameSchema>;

/** Your display name, checked as you type with the rules the server applies. */
export function AccountNameForm({ name }: { name: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(updateNameSchema), defaultValues: { name }, mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await updateNameAction(values);
    if (!res.ok) {
      setFormError(showServerErrors(res, ["name"], form.setError));
      return;
    }
    toast.success(res.message);
    form.reset({ name: values.name.trim() });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="account-name-form">
      <TextField
        label="Display name"
        autoComplete="name"
        hint="Shown to others on runs, tasks and comments."
        errors={errors.name?.message ? [errors.name.message] : undefined}
        {...form.register("name")}
      />
      {formError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting && <Loader2 aria-hidden className="size-4 animate-spin" />} Save name
        </Button>
      </div>
    </form>
  );
}
