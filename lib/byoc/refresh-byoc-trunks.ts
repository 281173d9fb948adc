import "server-only";
import { refreshPhoneNumber } from "@/lib/phone-numbers/refresh-phone-number";
import type { SpaceContext } from "@/lib/spaces/context";
import { findByocNumber, getByocNumber } from "./repository";
import type { ByocNumberView } from "./view";

export type RefreshByocTrunksResult = { number: ByocNumberView; changes: string[]; failure: string | null };

/**
 * Repairs a number's trunks and dispatch rule with the console's number refresh: its account
 * is reprovisioned in place (same trunk and rule ids, updated, missing ones created), so
 * calls in progress and new calls keep working throughout. Spends Reprovision's budget.
 */
export async function refreshByocTrunks(ctx: SpaceContext, phoneNumber: string): Promise<RefreshByocTrunksResult> {
  const { id, e164 } = await findByocNumber(ctx, phoneNumber);
  const result = await refreshPhoneNumber(ctx, id);
  return { number: await getByocNumber(ctx, e164), changes: result.changes, failure: result.failure };
}
