"use client";

// An admin resets a person's password: a confirmation, then the new password shown once with a
// copy button. It lives only in this dialog's state; closing the dialog forgets it.
import { useState, useTransition } from "react";
import { Check, Copy, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { resetPasswordAction } from "@/app/(app)/settings/users/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { UserRow } from "@/lib/users/service";

export function ResetPasswordDialog({ user, open, onOpenChange }: { user: UserRow; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    setPassword(null);
    setError(null);
    setCopied(false);
    onOpenChange(false);
  }

  function reset() {
    setError(null);
    startTransition(async () => {
      const res = await resetPasswordAction(user.id);
      if (res.ok && "password" in res) setPassword(res.password);
      else setError(res.message ?? "Could not reset the password.");
    });
  }

  async function copy() {
    if (!password) return;
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      toast.error("Your browser did not allow copying. Select the password and copy it by hand.");
    }
  }

  if (password) {
    return (
      <Modal open={open} onOpenChange={close} title={`New password for ${user.name}`} description="This is the only time it is shown. Pass it on to them privately.">
        <div className="space-y-4">
          <div className="flex gap-2">
            <label htmlFor={`new-password-${user.id}`} className="sr-only">
              New password
            </label>
            <input
              id={`new-password-${user.id}`}
              readOnly
              value={password}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="reset-password-value"
              className={`${inputClass} font-mono`}
            />
            <Button variant="secondary" onClick={copy} data-testid="reset-password-copy" aria-label="Copy the new password">
              {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            They sign in with {user.email} and this password, and are then asked to choose their own. Their old password no longer works,
            and they were signed out everywhere.
          </p>
          <div className="flex justify-end">
            <Button onClick={() => close(false)}>Done</Button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={`Reset the password of ${user.name}?`}
      description="Their current password stops working and they are signed out everywhere. You get a new password to pass on to them, shown once."
    >
      {error && (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => close(false)}>
          Cancel
        </Button>
        <Button onClick={reset} disabled={pending} data-testid="reset-password-confirm">
          {pending && <Loader2 aria-hidden className="size-4 animate-spin" />} Reset password
        </Button>
      </div>
    </Modal>
  );
}
