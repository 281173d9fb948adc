import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { callInclude, toCallView, type CallEventView, type CallView } from "./repository";

export { listCalls, type CallPage } from "./list-calls";
export { placeCall } from "./place-call";

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
