import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AccountTx } from "@/lib/provisioning/account-lock";
import type { SpaceContext } from "@/lib/spaces/context";
import { phoneNumberInclude, toPhoneNumberView, type PhoneNumberRow } from "./query-phone-numbers";
import type { PhoneNumberView } from "./view";

/** Only owners and admins bind, change or remove numbers; members may look. */
export function assertCanManageNumbers(ctx: SpaceContext): void {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can bind, change or remove phone numbers.");
}

/** A live number of the caller's Space; any other id (missing, unbound, another Space's) is the same 404. */
export async function findLiveNumber(ctx: SpaceContext, numberId: string): Promise<PhoneNumberRow> {
  const row = await db().phoneNumber.findFirst({ where: { id: numberId, spaceId: ctx.spaceId, liveE164: { not: null } }, include: phoneNumberInclude });
  if (!row) throw new NotFoundError("Phone number not found");
  return row;
}

export async function getPhoneNumber(ctx: SpaceContext, numberId: string): Promise<PhoneNumberView> {
  return toPhoneNumberView(await findLiveNumber(ctx, numberId), platformCarrierLabel());
}

/**
 * Agents are chosen by id from the browser or an API client: each must be an agent of the
 * caller's Space. (An agent deleted a moment later is caught by the foreign key.)
 */
export async function assertAgentsOfSpace(ctx: SpaceContext, refs: { inboundAgentId: string | null; outboundAgentId: string | null }): Promise<void> {
  const ids = [...new Set([refs.inboundAgentId, refs.outboundAgentId].filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const found = new Set((await db().agent.findMany({ where: { id: { in: ids }, spaceId: ctx.spaceId }, select: { id: true } })).map((a) => a.id));
  const errors: Record<string, string[]> = {};
  for (const key of ["inboundAgentId", "outboundAgentId"] as const) {
    const id = refs[key];
    if (id !== null && !found.has(id)) errors[key] = ["Choose an agent of this Space."];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError("Choose agents of this Space.", errors);
}

/** A platform number goes back to the pool through the deployment's administrator, not the Space. */
export const PLATFORM_NUMBER_NOT_REMOVABLE = "This is a platform number: the deployment's administrator assigned it to this Space and only they can return it to the pool.";

/** What a number's row becomes when it is no longer bound: free for anyone, agents released. */
export function releasedNumberData(now = new Date()) {
  return { liveE164: null, unboundAt: now, inboundAgentId: null, outboundAgentId: null, dispatchRuleId: null };
}

/** Releases every live number of an account (the account is being deleted, in the same lock). */
export async function releaseNumbersOfAccount(tx: AccountTx, accountId: string): Promise<void> {
  await tx.phoneNumber.updateMany({ where: { sipAccountId: accountId, liveE164: { not: null } }, data: releasedNumberData() });
}
