import "server-only";
import { deprovisionAccount, provisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import type { ReprovisionResult } from "./reprovision-sip-account";

/**
 * The product doc's hard way, kept behind a second confirmation: delete the account's
 * LiveKit trunks and rules, then create them again from the database. Calls up through the
 * old trunks drop, and until the new trunks exist an INVITE finds none.
 */
export async function recreateSipAccount(ctx: SpaceContext, accountId: string): Promise<ReprovisionResult> {
  assertCanManage(ctx);
  await findLiveAccount(ctx, accountId);
  await deprovisionAccount(accountId);
  const outcome = await provisionAccount(accountId, { sweep: true });
  const account = toSipAccountView(await findLiveAccount(ctx, accountId));
  return outcome.ok ? { account, changes: ["Deleted and recreated every trunk and dispatch rule", ...outcome.changes], failed: false } : { account, changes: [], failed: true };
}
