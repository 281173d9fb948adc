import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount, toSipAccountView } from "./repository";
import type { SipAccountView } from "./view";

export async function listSipAccounts(ctx: SpaceContext): Promise<SipAccountView[]> {
  const rows = await db().sipAccount.findMany({
    where: { spaceId: ctx.spaceId, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toSipAccountView);
}

export async function getSipAccount(ctx: SpaceContext, accountId: string): Promise<SipAccountView> {
  return toSipAccountView(await findLiveAccount(ctx, accountId));
}
