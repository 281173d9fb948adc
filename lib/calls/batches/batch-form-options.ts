import "server-only";
import { db } from "@/lib/db/client";
import { isPlatformNumber } from "@/lib/phone-numbers/query-phone-numbers";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import type { SpaceContext } from "@/lib/spaces/context";

/**
 * What the New batch form offers: the Space's bound numbers whose account has a SIP server
 * address (the others cannot place calls, see resolveCallOrigin) and its agents.
 */
export async function batchFormOptions(ctx: SpaceContext) {
  const [numbers, agents] = await Promise.all([
    db().phoneNumber.findMany({
      where: { spaceId: ctx.spaceId, liveE164: { not: null }, sipAccount: { deletedAt: null, AND: [{ sipServerAddress: { not: null } }, { sipServerAddress: { not: "" } }] } },
      select: { e164: true, label: true, spaceId: true, sipAccount: { select: { name: true, spaceId: true } } },
      orderBy: { e164: "asc" },
    }),
    db().agent.findMany({ where: { spaceId: ctx.spaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  // A platform number shows the carrier's label, never the carrier's account (lib/platform-numbers).
  return { numbers: numbers.map((n) => ({ number: n.e164, label: n.label, account: isPlatformNumber(n) ? platformCarrierLabel() : n.sipAccount.name })), agents };
}
