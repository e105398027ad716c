"use client";
// The retention policy's form: checked in the browser with the schema the server action uses
// (lib/retention/policy.ts), and the server's field errors shown on the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { saveRetentionAction } from "@/app/(app)/settings/retention/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatMoment } from "@/lib/format/run-format";
import { DEFAULT_POLICY, policyToForm, retentionFormSchema, type RetentionFormValues, type RetentionPolicy } from "@/lib/retention/policy";

type Field = keyof RetentionFormValues;

export function RetentionForm({ policy, updatedAt }: { policy: RetentionPolicy; updatedAt: string | null }) {
  const form = useForm<RetentionFormValues>({
    defaultValues: policyToForm(policy),
    resolver: zodResolver(retentionFormSchema as never) as unknown as Resolver<RetentionFormValues>,
    mode: "onTouched",
  });
  const [problem, setProblem] = useState<string | null>(null);
  const { errors, isSubmitting, isDirty } = form.formState;
  const errorOf = (field: Field) => (errors[field]?.message ? [errors[field].message] : undefined);

  const submit = form.handleSubmit(async () => {
    setProblem(null);
    // The raw text goes to the server, which parses it with the same schema.
    const result = await saveRetentionAction(form.getValues());
    if (result.ok) {
      toast.success(result.message);
      form.reset(form.getValues());
      return;
    }
    const fieldErrors = "errors" in result ? (result.errors ?? {}) : {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.length) form.setError(field as Field, { message: messages.join(" ") });
    }
    if (Object.keys(fieldErrors).length === 0) setProblem(result.message);
  });

  return (
    <form noValidate onSubmit={submit} data-testid="retention-form" className="max-w-xl space-y-5 rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <TextField
        label="Days to keep a finished run's details"
        inputMode="numeric"
        autoComplete="off"
        data-testid="retention-days"
        hint={`From 1 to 3650. The default is ${DEFAULT_POLICY.keepDays}.`}
        errors={errorOf("keepDays")}
        {...form.register("keepDays")}
      />
      <TextField
        label="Finished runs kept with their details, per workflow (optional)"
        inputMode="numeric"
        autoComplete="off"
        placeholder="No limit"
        data-testid="retention-count"
        hint="Leave empty for no limit. When set, each workflow's newest runs keep their details and older ones are cleaned even if they are recent."
        errors={errorOf("keepPerWorkflow")}
        {...form.register("keepPerWorkflow")}
      />
      {problem && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      )}
      <div className="flex items-center justify-between gap-4">
        <p className="text-xs text-zinc-500">{updatedAt ? `Last changed ${formatMoment(updatedAt)}.` : "The defaults apply: nobody has changed these yet."}</p>
        <Button type="submit" disabled={isSubmitting || !isDirty} data-testid="retention-save">
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
