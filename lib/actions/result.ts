import type { FieldErrors } from "@/lib/errors";

/** What every server action returns; forms put `fieldErrors` on their fields. */
export type ActionResult<T = void> =
  | { ok: true; data: T; warning?: string }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors };
