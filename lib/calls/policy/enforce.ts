import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError, RateLimitedError, ValidationError } from "@/lib/errors";
import type { RateLimitTicket } from "@/lib/rate-limits/limiter";
import { takeCap } from "@/lib/rate-limits/with-rate-limit";
import { capCeilings } from "@/lib/spaces/outbound-caps";
import type { SpaceContext } from "@/lib/spaces/context";
import { SPACE_SUSPENDED_NEW_CALL } from "@/lib/spaces/suspension";
import { monthlyLimitRefusal } from "@/lib/usage/monthly-limit";
import { billableSecondsThisMonth } from "@/lib/usage/service";
import { liveStatuses } from "../status";
import { capMessages, effectiveCaps, type OutboundCaps } from "./caps";
import { destinationRefusal, type DestinationPolicy } from "./destination";

// The outbound call policy, applied by the calls service before anything is queued, so the
// console, REST, batches and anything else placing calls through lib/calls share it:
// destinations first (422, on the field that holds the number), then the Space's caps (429
// with Retry-After). The dispatcher keeps queued calls under the concurrent and per-minute
// caps too (dispatcher/claim-call.ts), since scheduled calls and batches dial later.

/** Refuses every destination the account may not call: one message per offending field. */
export function assertDestinationsAllowed(policy: DestinationPolicy, destinations: readonly { field: string; to: string }[]): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const { field, to } of destinations) {
    const reason = destinationRefusal(to, policy);
    if (reason) (fieldErrors[field] ??= []).push(reason);
  }
  const fields = Object.keys(fieldErrors);
  if (fields.length === 0) return;
  const first = fieldErrors[fields[0]!]![0]!;
  throw new ValidationError(fields.length === 1 ? first : `${fields.length} destinations are not allowed by the account's outbound policy. ${first}`, fieldErrors);
}

export async function spaceCaps(spaceId: string): Promise<OutboundCaps> {
  const row = await db().space.findUniqueOrThrow({ where: { id: spaceId }, select: { outboundCallsPerMinute: true, outboundConcurrentCalls: true, outboundCallsPerDay: true } });
  return effectiveCaps({ callsPerMinute: row.outboundCallsPerMinute, concurrentCalls: row.outboundConcurrentCalls, callsPerDay: row.outboundCallsPerDay }, capCeilings());
}

// A call waiting for a free slot is not refused at the door: it is the Space's live calls.
const CONCURRENT_RETRY_SECONDS = 5;

/**
 * Takes `calls` calls from the Space's caps, or throws RateLimitedError. `dialsNow` says the
 * calls would dial at once (not scheduled, not a batch the dispatcher paces): then the
 * concurrent and per-minute caps are answered here too. The ticket gives the points back
 * when the calls are not queued after all.
 */
export async function takeOutboundCaps(ctx: SpaceContext, calls: number, dialsNow: boolean): Promise<RateLimitTicket> {
  await assertSpaceMayPlaceCalls(ctx.spaceId);
  const caps = await spaceCaps(ctx.spaceId);
  const tickets: RateLimitTicket[] = [];
  const refund = async () => void (await Promise.all(tickets.map((t) => t.refund())));
  try {
    if (dialsNow) {
      const live = await db().call.count({ where: { spaceId: ctx.spaceId, direction: "outbound", status: { in: [...liveStatuses] } } });
      if (live >= caps.concurrentCalls) throw new RateLimitedError(capMessages.concurrentCalls(caps.concurrentCalls), CONCURRENT_RETRY_SECONDS);
      tickets.push(await takeCap("minute", ctx.spaceId, calls, caps.callsPerMinute, (wait) => capMessages.callsPerMinute(caps.callsPerMinute, wait)));
    }
    tickets.push(await takeCap("day", ctx.spaceId, calls, caps.callsPerDay, (wait) => capMessages.callsPerDay(caps.callsPerDay, wait, calls)));
  } catch (err) {
    await refund();
    throw err;
  }
  return { refund };
}

/**
 * A suspended Space places no call, nor one whose monthly minutes are spent (403); the
 * dispatcher refuses such queued calls too (dispatcher/claim-call.ts).
 */
export async function assertSpaceMayPlaceCalls(spaceId: string): Promise<void> {
  const space = await db().space.findUniqueOrThrow({ where: { id: spaceId }, select: { suspendedAt: true, monthlyMinutesLimit: true } });
  if (space.suspendedAt) throw new ForbiddenError(SPACE_SUSPENDED_NEW_CALL);
  if (space.monthlyMinutesLimit !== null) {
    const overLimit = monthlyLimitRefusal(space.monthlyMinutesLimit, await billableSecondsThisMonth(spaceId));
    if (overLimit) throw new ForbiddenError(overLimit);
  }
}
