// Puts an action's field errors beside the fields of a react-hook-form form; what belongs to no
// field on screen comes back for the form's own message.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/users/schema";

export function showServerErrors<T extends FieldValues>(result: ActionResult, fields: readonly Path<T>[], setError: UseFormSetError<T>): string | null {
  let placed = false;
  for (const [name, messages] of Object.entries(result.errors ?? {})) {
    if (!messages?.length || !(fields as readonly string[]).includes(name)) continue;
    setError(name as Path<T>, { message: messages.join(" ") }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? null : (result.message ?? "That did not work. Try again.");
}
