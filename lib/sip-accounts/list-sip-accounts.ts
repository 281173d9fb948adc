import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount, toSipAccountView } from "./repository";
import type { SipAccountListItem, SipAccountView } from "./view";

export async function listSipAccounts(ctx: SpaceContext): Promise<SipAccountListItem[]> {
  const [rows, counts] = await Promise.all([
    db().sipAccount.findMany({ where: { spaceId: ctx.spaceId, deletedAt: null }, orderBy: { createdAt: "asc" } }),
    // Live numbers only, on the (space_id, ...) index like the numbers list.
    db().phoneNumber.groupBy({ by: ["sipAccountId"], where: { spaceId: ctx.spaceId, liveE164: { not: null } }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.sipAccountId, c._count._all]));
  return rows.map((row) => ({ ...toSipAccountView(row), numbersCount: countOf.get(row.id) ?? 0 }));
}

export async function getSipAccount(ctx: SpaceContext, accountId: string): Promise<SipAccountView> {
  return toSipAccountView(await findLiveAccount(ctx, accountId));
}
