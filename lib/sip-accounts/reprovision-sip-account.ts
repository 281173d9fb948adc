import "server-only";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import type { SweepSnapshot } from "@/lib/provisioning/sweep-snapshot";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import type { SipAccountView } from "./view";

export type ReprovisionResult = { account: SipAccountView; changes: string[]; failed: boolean };

/**
 * Makes LiveKit match the database for one account without dropping calls: trunks are
 * updated in place, missing ones created, and the account's marked leftovers removed
 * (found among everything in LiveKit, or among a Refresh all's snapshot).
 */
export async function reprovisionSipAccount(ctx: SpaceContext, accountId: string, snapshot?: SweepSnapshot): Promise<ReprovisionResult> {
  assertCanManage(ctx);
  await findLiveAccount(ctx, accountId);
  const outcome = await provisionAccount(accountId, { sweep: snapshot ?? true });
  const account = toSipAccountView(await findLiveAccount(ctx, accountId));
  return outcome.ok ? { account, changes: outcome.changes, failed: false } : { account, changes: [], failed: true };
}
