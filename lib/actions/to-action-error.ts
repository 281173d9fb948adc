import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UpstreamError, ValidationError } from "@/lib/errors";
import type { ActionResult } from "./result";

/** Turns a thrown error into what the form shows. Unknown errors are logged, never shown. */
export function toActionError(err: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (err instanceof ValidationError || err instanceof ConflictError) {
    return { ok: false, formError: Object.keys(err.fieldErrors).length ? undefined : err.message, fieldErrors: err.fieldErrors };
  }
  if (err instanceof NotFoundError) return { ok: false, formError: "Not found. It may have been deleted." };
  if (err instanceof ForbiddenError) return { ok: false, formError: err.message };
  // "Too many Verify runs; try again in N s.": the same budget as the REST API's 429.
  if (err instanceof RateLimitedError) return { ok: false, formError: err.message };
  if (err instanceof UpstreamError) {
    console.error("[action] upstream error", err.cause ?? err);
    return { ok: false, formError: err.publicMessage };
  }
  console.error("[action] unexpected error", err);
  return { ok: false, formError: "Something went wrong on our side. Please try again." };
}
