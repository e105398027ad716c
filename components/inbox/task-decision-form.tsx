"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { commentTaskAction, decideTaskAction } from "@/app/(app)/inbox/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SUMMARY_KEY } from "@/components/shell/use-inbox-summary";
import type { FormField } from "@/lib/nodes/human/form-field";
import { formSchema } from "@/lib/tasks/form";
import { cn } from "@/lib/utils";

type Values = Record<string, unknown>;
const REASON = "__reason";

function FieldInput({ field, register, error }: { field: FormField; register: ReturnType<typeof useForm<Values>>["register"]; error?: string }) {
  const id = `field-${field.name}`;
  const common = { id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-error` : undefined, ...register(field.name) };
  let control: React.ReactNode;
  if (field.kind === "textarea") control = <textarea rows={3} className={inputClass} {...common} />;
  else if (field.kind === "select")
    control = (
      <select className={inputClass} {...common}>
        <option value="">Choose…</option>
        {(field.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  else if (field.kind === "checkbox") control = <input type="checkbox" className="size-4 rounded border-zinc-300" {...common} />;
  else control = <input type={field.kind === "number" ? "number" : field.kind === "date" ? "date" : "text"} step="any" className={inputClass} {...common} />;
  return (
    <div className={cn("space-y-1.5", field.kind === "checkbox" && "flex items-center gap-2 space-y-0")}>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
        {field.required && <span className="text-red-600"> *</span>}
      </label>
      {control}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** The task's form (checked with the same rules as the server, lib/tasks/form.ts) and its decision. */
export function TaskDecisionForm({ taskId, fields, initialAction }: { taskId: string; fields: FormField[]; initialAction: "approve" | "reject" | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const schema = useMemo(() => formSchema(fields).passthrough(), [fields]);
  const form = useForm<Values>({ resolver: zodResolver(schema as never) as unknown as Resolver<Values>, mode: "onTouched" });
  const [busy, setBusy] = useState<"approve" | "reject" | "comment" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement | null>(null);
  const { ref: reasonFormRef, ...reasonField } = form.register(REASON);

  useEffect(() => {
    if (initialAction === "reject") reasonRef.current?.focus();
  }, [initialAction]);

  const submit = (decision: "approve" | "reject") =>
    form.handleSubmit(async (values) => {
      const reason = String(form.getValues(REASON) ?? "").trim();
      if (decision === "reject" && reason.length < 3) {
        form.setError(REASON, { message: "A reason is required to reject (at least 3 characters)" });
        reasonRef.current?.focus();
        return;
      }
      setBusy(decision);
      setMessage(null);
      const { [REASON]: _ignored, ...answers } = values;
      void _ignored;
      const res = await decideTaskAction(taskId, { decision, values: answers, ...(reason ? { comment: reason } : {}) });
      setBusy(null);
      if (res.ok) {
        toast.success(res.message);
        await queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
        router.refresh();
        return;
      }
      if (res.code === "closed") {
        // Someone else decided first: the page reloads to show their outcome, so the message goes
        // to a toast that outlives this form.
        toast.error(res.message, { duration: 10_000 });
        router.refresh();
        return;
      }
      for (const [name, errs] of Object.entries(res.errors ?? {})) form.setError(name === "comment" ? REASON : name, { message: errs.join(" ") });
      setMessage(res.message);
    });

  // A question or a note before deciding goes to the task's comments from the same box.
  const commentOnly = async () => {
    const text = String(form.getValues(REASON) ?? "").trim();
    if (!text) {
      form.setError(REASON, { message: "Write a comment first" });
      reasonRef.current?.focus();
      return;
    }
    setBusy("comment");
    const res = await commentTaskAction(taskId, { text });
    setBusy(null);
    if (!res.ok) {
      form.setError(REASON, { message: res.errors?.text?.join(" ") ?? res.message });
      return;
    }
    form.resetField(REASON);
    form.clearErrors(REASON);
    router.refresh();
  };

  const errorOf = (name: string) => form.formState.errors[name]?.message as string | undefined;
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => void submit("approve")(e)} data-testid="decision-form">
      {fields.map((f) => (
        <FieldInput key={f.name} field={f} register={form.register} error={errorOf(f.name)} />
      ))}
      <div className="space-y-1.5">
        <label htmlFor="decision-reason" className="block text-sm font-medium">
          Comment <span className="font-normal text-zinc-500">(required to reject; kept with the decision and in the comments)</span>
        </label>
        <textarea
          id="decision-reason"
          rows={2}
          className={inputClass}
          aria-invalid={Boolean(errorOf(REASON))}
          aria-describedby={errorOf(REASON) ? "decision-reason-error" : undefined}
          placeholder={initialAction === "reject" ? "Why do you reject it?" : "Optional when you approve"}
          {...reasonField}
          ref={(el) => {
            reasonFormRef(el);
            reasonRef.current = el;
          }}
        />
        {errorOf(REASON) && (
          <p id="decision-reason-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
            {errorOf(REASON)}
          </p>
        )}
      </div>
      {message && (
        <p role="alert" data-testid="decision-message" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-300">
          {message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy !== null}>
          {busy === "approve" ? "Approving…" : "Approve"}
        </Button>
        <Button variant="danger" disabled={busy !== null} onClick={() => void submit("reject")()}>
          {busy === "reject" ? "Rejecting…" : "Reject"}
        </Button>
        <Button variant="secondary" className="ml-auto" disabled={busy !== null} onClick={() => void commentOnly()} data-testid="comment-only">
          {busy === "comment" ? "Posting…" : "Comment without deciding"}
        </Button>
      </div>
    </form>
  );
}
