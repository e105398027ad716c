// Ending sessions when a password changes, with next-auth's JWT sessions (nothing stored per
// session): each token records when it signed in (lib/auth/options.ts, `signedInAt`), the user
// records when the password last changed, and a session that signed in before that is over.
// The check rides on the per-request user read lib/auth/session.ts already does. Pure.

/** Whether a session that signed in at `signedInAt` (ms; 0 when unknown) ended with the password change at `changedAt`. */
export function sessionEndedByPasswordChange(signedInAt: number | undefined, changedAt: Date | string | null | undefined): boolean {
  if (!changedAt) return false;
  const changed = new Date(changedAt).getTime();
  if (Number.isNaN(changed)) return false;
  return (signedInAt ?? 0) < changed;
}
