import Link from "next/link";
import { KeyRound } from "lucide-react";

/**
 * Shown on every page after an admin reset your password, until you choose your own. A nudge, not
 * a gate: the reset password is random and strong; what is wrong with it is that the admin saw it.
 */
export function ChangePasswordBanner() {
  return (
    <div role="status" data-testid="must-change-password" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-8 dark:border-amber-500/20 dark:bg-amber-500/10 dark:text-amber-200">
      <KeyRound aria-hidden className="mr-2 inline size-4 align-[-3px]" />
      An admin reset your password, so they know it.{" "}
      <Link href="/settings/account" className="font-medium underline underline-offset-2">
        Choose your own password
      </Link>
    </div>
  );
}
