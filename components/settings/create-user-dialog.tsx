"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { Loader2, UserPlus } from "lucide-react";
import { Modal } from "@/components/ui/modal";
import { toast } from "sonner";
import { createUserAction } from "@/app/(app)/settings/users/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RoleCheckboxes } from "@/components/settings/role-checkboxes";
import type { ActionResult } from "@/lib/users/schema";

export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(createUserAction, null);

  useEffect(() => {
    if (state?.ok) {
      toast.success(state.message);
      setOpen(false); // eslint-disable-line react-hooks/set-state-in-effect -- closing in response to the server's answer
    }
  }, [state]);

  const errors = state && !state.ok ? state.errors ?? {} : {};
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Add a person"
      description="This creates their account at once; no email is sent. You choose a first password here and pass it on to them privately. They sign in with their email and that password, and can change it under Your account."
      trigger={
        <Button>
          <UserPlus aria-hidden className="size-4" /> Add a person
        </Button>
      }
    >
          {/* Submitting through onSubmit keeps what was typed when the server sends errors back. */}
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              startTransition(() => formAction(data));
            }}
          >
            <TextField label="Name" name="name" autoComplete="off" errors={errors.name} />
            <TextField label="Email" name="email" type="email" autoComplete="off" errors={errors.email} />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 12 characters. Tell it to them privately; they can change it later."
              errors={errors.password}
            />
            <RoleCheckboxes errors={errors.roles} />
            {state && !state.ok && state.message && !Object.keys(errors).length && (
              <p role="alert" className="text-sm text-red-600">
                {state.message}
              </p>
            )}
            <div className="flex justify-end gap-2 pt-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending && <Loader2 aria-hidden className="size-4 animate-spin" />} Add person
              </Button>
            </div>
          </form>
    </Modal>
  );
}
