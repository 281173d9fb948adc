import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";

/**
 * What the New batch form offers: the Space's bound numbers whose account has a SIP server
 * address (the others cannot place calls, see resolveCallOrigin) and its agents.
 */
export async function batchFormOptions(ctx: SpaceContext) {
  const [numbers, agents] = await Promise.all([
    db().phoneNumber.findMany({
      where: { spaceId: ctx.spaceId, liveE164: { not: null }, sipAccount: { deletedAt: null, AND: [{ sipServerAddress: { not: null } }, { sipServerAddress: { not: "" } }] } },
      select: { e164: true, label: true, sipAccount: { select: { name: true } } },
      orderBy: { e164: "asc" },
    }),
    db().agent.findMany({ where: { spaceId: ctx.spaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { numbers: numbers.map((n) => ({ number: n.e164, label: n.label, account: n.sipAccount.name })), agents };
}
