import "server-only";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import type { SweepSnapshot } from "@/lib/provisioning/sweep-snapshot";
import { withRateLimit } from "@/lib/rate-limits/with-rate-limit";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import type { SipAccountView } from "./view";

export type ReprovisionResult = { account: SipAccountView; changes: string[]; failed: boolean };

/**
 * Makes LiveKit match the database for one account without dropping calls: trunks are
 * updated in place, missing ones created, and the account's marked leftovers removed.
 * Spends the Space's Reprovision budget.
 */
export function reprovisionSipAccount(ctx: SpaceContext, accountId: string): Promise<ReprovisionResult> {
  return withRateLimit("reprovision", ctx.spaceId, () => convergeSipAccount(ctx, accountId));
}

/**
 * Reprovision's work without a budget of its own, for services that spent theirs: Refresh all
 * (one point for the whole Space) and phone-number refresh (one Reprovision point). The
 * account's marked leftovers are found among everything in LiveKit, or among a Refresh all's
 * snapshot.
 */
export async function convergeSipAccount(ctx: SpaceContext, accountId: string, snapshot?: SweepSnapshot): Promise<ReprovisionResult> {
  assertCanManage(ctx);
  await findLiveAccount(ctx, accountId);
  const outcome = await provisionAccount(accountId, { sweep: snapshot ?? true });
  const account = toSipAccountView(await findLiveAccount(ctx, accountId));
  return outcome.ok ? { account, changes: outcome.changes, failed: false } : { account, changes: [], failed: true };
}
