import "server-only";
import { markCallsEnding } from "@/lib/calls/mark-calls-ending";
import { dropActiveSipCalls } from "@/lib/livekit/active-calls";
import { deprovisionAccount, provisionAccount } from "@/lib/provisioning/provision-account";
import { withRateLimit } from "@/lib/rate-limits/with-rate-limit";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount, toSipAccountView } from "./repository";
import type { ReprovisionResult } from "./reprovision-sip-account";

/**
 * The product doc's hard way, kept behind a second confirmation: hang up the calls up through
 * the account's trunks, delete its LiveKit trunks and rules, then create them again from the
 * database. Until the new trunks exist an INVITE finds none. (LiveKit would leave calls up
 * when only their trunk is deleted; they are dropped explicitly so the warning holds.) A
 * Reprovision by another way: it spends the Space's Reprovision budget.
 */
export function recreateSipAccount(ctx: SpaceContext, accountId: string): Promise<ReprovisionResult> {
  return withRateLimit("reprovision", ctx.spaceId, () => recreate(ctx, accountId));
}

async function recreate(ctx: SpaceContext, accountId: string): Promise<ReprovisionResult> {
  assertCanManage(ctx);
  const row = await findLiveAccount(ctx, accountId);
  const dropped = await dropActiveSipCalls([row.inboundTrunkId, row.outboundTrunkId].filter((id): id is string => !!id), (rooms) =>
    markCallsEnding(rooms, "Dropped by Recreate from scratch on the account."),
  );
  await deprovisionAccount(accountId);
  const outcome = await provisionAccount(accountId, { sweep: true });
  const account = toSipAccountView(await findLiveAccount(ctx, accountId));
  const done = [`Dropped ${dropped} active call${dropped === 1 ? "" : "s"}`, "Deleted and recreated every trunk and dispatch rule"];
  return outcome.ok ? { account, changes: [...done, ...outcome.changes], failed: false } : { account, changes: [], failed: true };
}
