import "server-only";
import { ConflictError, NotFoundError, UpstreamError } from "@/lib/errors";
import { changeAccountStrictly } from "@/lib/provisioning/provision-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { emitNumberBinding } from "./number-webhook-events";
import { isPlatformNumber } from "./query-phone-numbers";
import { assertCanManageNumbers, findLiveNumber, PLATFORM_NUMBER_NOT_REMOVABLE, releasedNumberData } from "./repository";

/**
 * Unbinds a number: it leaves both trunks (the parking number comes back when it was the
 * last) and its dispatch rule is deleted, in the same locked transaction as the release in
 * the database. If LiveKit is down the unbind is refused and the number stays bound, so it is
 * never free for another account while LiveKit may still route it here.
 */
export async function unbindPhoneNumber(ctx: SpaceContext, numberId: string): Promise<void> {
  assertCanManageNumbers(ctx);
  const row = await findLiveNumber(ctx, numberId);
  if (isPlatformNumber(row)) throw new ConflictError(PLATFORM_NUMBER_NOT_REMOVABLE);
  try {
    await changeAccountStrictly(row.sipAccountId, async (tx) => {
      const { count } = await tx.phoneNumber.updateMany({ where: { id: row.id, spaceId: ctx.spaceId, liveE164: { not: null } }, data: releasedNumberData() });
      if (count === 0) throw new NotFoundError("Phone number not found");
      await emitNumberBinding(tx, "phone_number.unbound", row);
    });
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    const what = err.kind === "unreachable" ? "LiveKit could not be reached" : "LiveKit refused the change";
    throw new UpstreamError(`${what}, so ${row.e164} was not removed and stays bound. Try again once LiveKit is back.`, err.kind, { cause: err.cause ?? err });
  }
}
