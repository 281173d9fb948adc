import "server-only";
import { assertCanManageNumbers } from "@/lib/phone-numbers/repository";
import { unbindPhoneNumber } from "@/lib/phone-numbers/unbind-phone-number";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { findByocNumber, liveNumberCount } from "./repository";

/**
 * Removes a number: while its account has other numbers, the console's unbind (the number
 * leaves the trunks, its dispatch rule is deleted); when it is the account's last number, the
 * console's account delete, which removes the rule and the account's trunks and frees the
 * number in one locked step. Either way LiveKit down means nothing changes (503).
 */
export async function deleteByocNumber(ctx: SpaceContext, phoneNumber: string): Promise<{ accountRemoved: boolean }> {
  assertCanManageNumbers(ctx);
  const { id, sipAccountId } = await findByocNumber(ctx, phoneNumber);
  if ((await liveNumberCount(ctx, sipAccountId)) > 1) {
    await unbindPhoneNumber(ctx, id);
    return { accountRemoved: false };
  }
  await deleteSipAccount(ctx, sipAccountId);
  return { accountRemoved: true };
}
