import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Puts a failed action's field errors on the form's fields and returns the message meant for
 * the whole form (if any), so server-side refusals look exactly like client-side ones.
 */
export function applyActionErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  result: Extract<ActionResult<unknown>, { ok: false }>,
): string | undefined {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field === "_form") continue;
    setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return result.formError ?? result.fieldErrors?._form?.[0];
}
