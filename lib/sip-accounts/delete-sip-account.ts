import "server-only";
import { db } from "@/lib/db/client";
import { deprovisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount } from "./repository";

/**
 * Removes the account's LiveKit objects first and soft-deletes the row only when that
 * worked: if LiveKit is down the delete is refused (UpstreamError) and both sides stay as
 * they were, instead of leaving trunks nobody can see. The name becomes free for reuse.
 */
export async function deleteSipAccount(ctx: SpaceContext, accountId: string): Promise<void> {
  assertCanManage(ctx);
  const row = await findLiveAccount(ctx, accountId);
  await deprovisionAccount(row.id);
  await db().sipAccount.update({
    where: { id: row.id, spaceId: ctx.spaceId },
    data: { deletedAt: new Date(), liveNameKey: null, inboundTrunkId: null, outboundTrunkId: null },
  });
}
