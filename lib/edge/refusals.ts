import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { platformCarrierLabel } from "@/lib/platform-numbers/platform-space";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { refusalAsSpaceSees } from "./refusal-as-space-sees";
import { refusalCauseText, type RefusalCauseName } from "./refusal-explanations";

// Refused inbound calls, recorded for the operator of the account they concern. Attribution:
// the account the called number is bound to; else the one account (across every Space) that
// lists the source address in Allowed inbound IPs. An address listed by several accounts (a
// carrier's shared gateway) attributes to none: one tenant must never see the callers of
// another. What matches no account is the deployment's noise: kept, capped, never shown.

/** What the edge tells us about an INVITE. */
export type EdgeInvite = {
  calledNumber: string;
  fromNumber: string;
  sourceAddress: string;
  transport: string;
  sipCallId: string;
  hasCredentials: boolean;
};

type Attribution = { spaceId: string; sipAccountId: string; e164?: string };

/** The deployment's noise rows kept; older ones are removed as new ones arrive. */
export const NOISE_CAP = 1000;

/**
 * Refusals being written at once by this process. A flood of refused INVITEs must not take
 * the database pool from the routing of real calls: beyond this many writes in flight a
 * refusal is still answered (404/403) but not recorded, and the shed ones are counted in the
 * log. Measured by bench/sip-edge.ts.
 */
const MAX_WRITES_IN_FLIGHT = 4;
let writesInFlight = 0;
let shed = 0;

async function accountListingAddress(address: string): Promise<Attribution | null> {
  const accounts = await db().sipAccount.findMany({
    where: { deletedAt: null, allowedInboundIps: { has: address } },
    select: { id: true, spaceId: true },
    take: 2,
  });
  const [only, other] = accounts;
  return only && !other ? { spaceId: only.spaceId, sipAccountId: only.id } : null;
}

type Refusal = { cause: RefusalCauseName; sipCode: number; account?: Attribution & { e164: string } };

/** Records a refusal unless too many are being written already; never throws (the INVITE's answer must not depend on it). */
export async function recordRefusal(invite: EdgeInvite, refusal: Refusal): Promise<void> {
  if (writesInFlight >= MAX_WRITES_IN_FLIGHT) {
    if (++shed % 100 === 1) console.warn(`[edge] refused INVITEs arriving faster than they can be recorded: ${shed} not recorded so far`);
    return;
  }
  writesInFlight++;
  try {
    await writeRefusal(invite, refusal);
  } catch (err) {
    console.error("[edge] could not record a refused INVITE:", (err as Error).message);
  } finally {
    writesInFlight--;
  }
}

async function writeRefusal(invite: EdgeInvite, refusal: Refusal): Promise<void> {
  const owner = refusal.account ?? (await accountListingAddress(invite.sourceAddress));
  const row = {
    cause: refusal.cause,
    sipCode: refusal.sipCode,
    calledNumber: invite.calledNumber.slice(0, 64),
    matchedNumber: refusal.account?.e164 ?? null,
    fromNumber: invite.fromNumber.slice(0, 64),
    sourceAddress: invite.sourceAddress.slice(0, 64),
    transport: invite.transport.slice(0, 8),
    sipCallId: invite.sipCallId.slice(0, 200),
  };
  if (!owner) {
    await recordNoise(row);
    return;
  }
  await db().$transaction(async (tx) => {
    const saved = await tx.refusedCall.create({ data: { ...row, spaceId: owner.spaceId, sipAccountId: owner.sipAccountId } });
    await emitRefusedEvent(tx, saved);
  });
}

async function recordNoise(row: Prisma.RefusedCallUncheckedCreateInput): Promise<void> {
  const saved = await db().refusedCall.create({ data: { ...row, spaceId: null, sipAccountId: null }, select: { createdAt: true } });
  // Trim in passing, one in a hundred inserts: a flood costs one cheap insert per INVITE.
  if (Math.random() < 0.01) {
    const cutoff = await db().refusedCall.findFirst({ where: { spaceId: null }, orderBy: { createdAt: "desc" }, skip: NOISE_CAP, select: { createdAt: true } });
    if (cutoff && cutoff.createdAt < saved.createdAt) await db().refusedCall.deleteMany({ where: { spaceId: null, createdAt: { lte: cutoff.createdAt } } });
  }
}

type SavedRefusal = Awaited<ReturnType<Prisma.TransactionClient["refusedCall"]["create"]>>;

async function emitRefusedEvent(tx: Prisma.TransactionClient, saved: SavedRefusal): Promise<void> {
  if (!saved.spaceId) return;
  const account = saved.sipAccountId ? await tx.sipAccount.findUnique({ where: { id: saved.sipAccountId }, select: { spaceId: true } }) : null;
  const seen = refusalAsSpaceSees(saved, account?.spaceId ?? null, platformCarrierLabel());
  await emitWebhookEvent(tx, {
    spaceId: saved.spaceId,
    type: "call.refused",
    orderingKey: `refused:${saved.sipAccountId}`,
    data: {
      refusedCallId: saved.id,
      sipAccountId: seen.sipAccountId,
      cause: saved.cause,
      explanation: refusalCauseText({ ...saved, sourceAddress: seen.sourceAddress }),
      sipStatusCode: saved.sipCode,
      calledNumber: saved.calledNumber,
      matchedNumber: saved.matchedNumber,
      from: saved.fromNumber,
      sourceAddress: seen.sourceAddress,
      transport: saved.transport,
      refusedAt: saved.createdAt.toISOString(),
    },
  });
}

/** livekit-sip's final refusal of an INVITE the edge forwarded (digest failed, no agent). */
export async function recordUpstreamRefusal(invite: EdgeInvite & { matchedNumber: string; sipCode: number }): Promise<void> {
  const bound = await db().phoneNumber.findFirst({ where: { liveE164: invite.matchedNumber }, select: { e164: true, spaceId: true, sipAccountId: true } });
  const digest = invite.hasCredentials && [401, 403, 407].includes(invite.sipCode);
  await recordRefusal(invite, {
    cause: digest ? "digest_failed" : "not_answered",
    sipCode: invite.sipCode,
    ...(bound ? { account: bound } : {}),
  });
}
