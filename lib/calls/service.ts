import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { callInclude, toCallView, type CallEventView, type CallView } from "./repository";
import type { ListCallsQuery } from "./schemas";

export { placeCall } from "./place-call";

/** The Space's calls, newest first (the latest 200), filtered by account, number and status. */
export async function listCalls(ctx: SpaceContext, query: ListCallsQuery = {}): Promise<CallView[]> {
  const where: Prisma.CallWhereInput = { spaceId: ctx.spaceId };
  if (query.accountId) where.sipAccountId = query.accountId;
  if (query.phoneNumberId) where.phoneNumberId = query.phoneNumberId;
  if (query.status) where.status = query.status;
  const rows = await db().call.findMany({ where, include: callInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  return rows.map(toCallView);
}

export async function getCall(ctx: SpaceContext, callId: string): Promise<CallView & { events: CallEventView[] }> {
  const row = await db().call.findFirst({ where: { id: callId, spaceId: ctx.spaceId }, include: { ...callInclude, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
  if (!row) throw new NotFoundError("Call not found");
  return { ...toCallView(row), events: row.events.map((e) => ({ kind: e.kind, detail: e.detail, at: e.at.toISOString() })) };
}

/** What the call log's filters offer: the Space's live accounts and numbers. */
export async function callFilterOptions(ctx: SpaceContext) {
  const [accounts, numbers] = await Promise.all([
    db().sipAccount.findMany({ where: { spaceId: ctx.spaceId, deletedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().phoneNumber.findMany({ where: { spaceId: ctx.spaceId, liveE164: { not: null } }, select: { id: true, e164: true }, orderBy: { e164: "asc" } }),
  ]);
  return { accounts, numbers };
}
