import "server-only";
import { withRateLimit } from "@/lib/rate-limits/with-rate-limit";
import { convergeSipAccount } from "@/lib/sip-accounts/reprovision-sip-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManageNumbers, getPhoneNumber } from "./repository";
import type { PhoneNumberView } from "./view";

export type RefreshPhoneNumberResult = {
  number: PhoneNumberView;
  changes: string[];
  /** Plain-language reason when LiveKit could not be brought in line (never LiveKit's text). */
  failure: string | null;
};

/**
 * Refreshes a number's trunks: its account is reprovisioned in place (the trunks carry all
 * of the account's numbers, and the number's dispatch rule is converged with them), so calls
 * in progress keep going. Being a Reprovision, it spends the Space's Reprovision budget.
 */
export function refreshPhoneNumber(ctx: SpaceContext, numberId: string): Promise<RefreshPhoneNumberResult> {
  return withRateLimit("reprovision", ctx.spaceId, () => refresh(ctx, numberId));
}

async function refresh(ctx: SpaceContext, numberId: string): Promise<RefreshPhoneNumberResult> {
  assertCanManageNumbers(ctx);
  const before = await getPhoneNumber(ctx, numberId);
  const result = await convergeSipAccount(ctx, before.account.id);
  const failure = result.failed ? (result.account.provisioning.reason ?? "LiveKit could not be reached.") : null;
  return { number: await getPhoneNumber(ctx, numberId), changes: result.changes, failure };
}
