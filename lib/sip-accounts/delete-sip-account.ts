import "server-only";
import { releaseNumbersOfAccount } from "@/lib/phone-numbers/repository";
import { deprovisionAccount } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount } from "./repository";

/**
 * Removes the account's LiveKit objects (its numbers' dispatch rules, then its trunks) first,
 * and only when that worked releases its numbers and soft-deletes the row, in the same
 * account lock (so no bind slips in between): if LiveKit is down the delete is refused
 * (UpstreamError) and both sides stay as they were, instead of leaving trunks nobody can see.
 * The name and the numbers become free for reuse.
 */
export async function deleteSipAccount(ctx: SpaceContext, accountId: string): Promise<void> {
  assertCanManage(ctx);
  const row = await findLiveAccount(ctx, accountId);
  await deprovisionAccount(row.id, {
    then: async (tx) => {
      await releaseNumbersOfAccount(tx, row.id);
      await tx.sipAccount.update({
        where: { id: row.id, spaceId: ctx.spaceId },
        data: { deletedAt: new Date(), liveNameKey: null, inboundTrunkId: null, outboundTrunkId: null },
      });
    },
  });
}
