import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { liveStatuses } from "@/lib/calls/status";
import { effectiveCaps, type OutboundCaps } from "@/lib/calls/policy/caps";
import { callerIdRefusal } from "@/lib/phone-numbers/ownership-rules";
import { SPACE_SUSPENDED_QUEUED_CALL } from "@/lib/spaces/suspension";
import { monthlyLimitRefusal } from "@/lib/usage/monthly-limit";
import { billableSecondsThisMonth } from "@/lib/usage/service";
import { cpsWindowMs, decideLimits, decideSpaceCaps, MINUTE_MS } from "./limits";

// Takes a queued call for dialling, exactly once across every dispatcher. A suspended Space's
// call, or one over the Space's monthly minutes, is refused (failed, with the reason on its
// page). Under a transaction-scoped advisory lock on the call's Space, the Space's caps and
// the account's and batch's limits are counted and the row moves queued -> dialing with a
// conditional update. A second dispatcher (or a duplicate job) finds it no longer queued and
// does nothing. Every claim is a few queries under that lock, so they are kept few: the
// call, its Space and its account are one read before it.

export type ClaimedCall = {
  id: string;
  spaceId: string;
  accountId: string;
  phoneNumberId: string | null;
  agentId: string | null;
  from: string;
  to: string;
  attempt: number;
  roomName: string;
  participantIdentity: string;
  outboundTrunkId: string;
  variables: unknown;
  retryPolicy: unknown;
  /** A round-trip self-test's outbound leg: no agent joins its room. */
  selfTest: boolean;
};

export type ClaimOutcome =
  | { kind: "claimed"; call: ClaimedCall }
  | { kind: "wait"; waitMs: number; reason: string }
  /** Not queued any more (dialled elsewhere, cancelled) or not due yet: nothing to do. */
  | { kind: "skip"; why: string }
  | { kind: "refuse"; reason: string };

/** The deployment's Space caps the dispatcher applies (the daily cap is taken when calls are placed). */
export type SpaceCeilings = Pick<OutboundCaps, "callsPerMinute" | "concurrentCalls">;

/** `mode` production: a caller ID (the call's number) must be verified at dial too (README: Number ownership). */
export async function claimCall(callId: string, leaseSeconds: number, ceilings: SpaceCeilings, now = new Date(), mode: "local" | "production" = "local"): Promise<ClaimOutcome> {
  return db().$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: callId },
      select: {
        id: true, spaceId: true, status: true, direction: true, sipAccountId: true, phoneNumberId: true, agentId: true, fromNumber: true, toNumber: true,
        scheduledAt: true, attempts: true, variables: true, retryPolicy: true, batchId: true, waitReason: true, selfTest: true,
        batch: { select: { maxConcurrency: true, cancelledAt: true } },
        space: { select: { suspendedAt: true, monthlyMinutesLimit: true, outboundCallsPerMinute: true, outboundConcurrentCalls: true } },
        sipAccount: { select: { deletedAt: true, outboundTrunkId: true, maxConcurrentCalls: true, callsPerSecond: true } },
        phoneNumber: { select: { verifiedAt: true } },
      },
    });
    if (!call || call.status !== "queued" || call.direction !== "outbound") return { kind: "skip", why: "not queued" };
    if (call.scheduledAt && call.scheduledAt.getTime() > now.getTime() + 50) return { kind: "wait", waitMs: call.scheduledAt.getTime() - now.getTime(), reason: "" };
    if (call.space.suspendedAt) return { kind: "refuse", reason: SPACE_SUSPENDED_QUEUED_CALL };
    if (!call.sipAccountId) return { kind: "refuse", reason: "The call's SIP account no longer exists." };
    if (call.batch?.cancelledAt) return { kind: "refuse", reason: "The batch was cancelled." };
    const unverified = call.phoneNumber ? callerIdRefusal(mode, call.phoneNumber.verifiedAt) : null;
    if (unverified) return { kind: "refuse", reason: unverified };

    const account = call.sipAccount;
    if (!account || account.deletedAt) return { kind: "refuse", reason: "The call's SIP account was deleted." };
    if (!account.outboundTrunkId) {
      // Saved while LiveKit was away: the call waits for the trunk (Reprovision puts it in place) rather than failing.
      return waitFor(tx, call, { waitMs: 10_000, reason: "Waiting for the account's outbound trunk to be provisioned in LiveKit: run Reprovision on the account." });
    }

    if (call.space.monthlyMinutesLimit !== null) {
      const overLimit = monthlyLimitRefusal(call.space.monthlyMinutesLimit, await billableSecondsThisMonth(call.spaceId, now, tx));
      if (overLimit) return { kind: "refuse", reason: overLimit };
    }

    // Serialises every claim of the Space: its caps, and so its accounts' limits and their
    // batches' (an account belongs to one Space). One lock: each query here is held by it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calls:space:${call.spaceId}`}, 0))`;
    const spaceDecision = await spaceCapsDecision(tx, call.spaceId, { callsPerMinute: call.space.outboundCallsPerMinute, concurrentCalls: call.space.outboundConcurrentCalls }, ceilings, now);
    if (!spaceDecision.ok) return waitFor(tx, call, spaceDecision);

    const windowMs = cpsWindowMs(account.callsPerSecond);
    const [accountLive, recent, batchLive] = await Promise.all([
      tx.call.count({ where: { sipAccountId: call.sipAccountId, status: { in: [...liveStatuses] } } }),
      windowMs > 0
        ? tx.call.findMany({ where: { sipAccountId: call.sipAccountId, direction: "outbound", startedAt: { gt: new Date(now.getTime() - windowMs) } }, select: { startedAt: true } })
        : Promise.resolve([]),
      call.batchId ? tx.call.count({ where: { batchId: call.batchId, status: { in: [...liveStatuses] } } }) : Promise.resolve(null),
    ]);
    const decision = decideLimits(
      {
        accountLive,
        maxConcurrentCalls: account.maxConcurrentCalls,
        recentStarts: recent.map((r) => r.startedAt!).filter(Boolean),
        callsPerSecond: account.callsPerSecond,
        batchLive,
        batchMaxConcurrency: call.batch?.maxConcurrency ?? null,
      },
      now,
    );
    if (!decision.ok) return waitFor(tx, call, decision);

    const attempt = call.attempts + 1;
    const roomName = attempt === 1 ? `call-${call.id}` : `call-${call.id}-${attempt}`;
    const participantIdentity = `sip-out-${call.id}-${randomBytes(4).toString("hex")}`;
    const moved = await tx.call.updateMany({
      where: { id: call.id, status: "queued" },
      data: { status: "dialing", startedAt: now, attempts: attempt, waitReason: null, leaseUntil: new Date(now.getTime() + leaseSeconds * 1000), roomName: null, participantIdentity, sipStatusCode: null, failureReason: null, endedAt: null },
    });
    if (moved.count === 0) return { kind: "skip", why: "claimed elsewhere" };
    const of = maxAttemptsOf(call.retryPolicy);
    await tx.callEvent.create({ data: { callId: call.id, kind: "status:dialing", detail: `${of > 1 ? `Attempt ${attempt} of ${of}: d` : "D"}ialling ${call.toNumber}` } });
    return {
      kind: "claimed",
      call: {
        id: call.id, spaceId: call.spaceId, accountId: call.sipAccountId, phoneNumberId: call.phoneNumberId, agentId: call.agentId, from: call.fromNumber, to: call.toNumber,
        attempt, roomName, participantIdentity, outboundTrunkId: account.outboundTrunkId, variables: call.variables, retryPolicy: call.retryPolicy, selfTest: call.selfTest,
      },
    };
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function spaceCapsDecision(tx: Tx, spaceId: string, own: { callsPerMinute: number | null; concurrentCalls: number | null }, ceilings: SpaceCeilings, now: Date) {
  const caps = effectiveCaps(
    { ...own, callsPerDay: null },
    { ...ceilings, callsPerDay: Number.MAX_SAFE_INTEGER },
  );
  const [spaceLive, capth] = await Promise.all([
    tx.call.count({ where: { spaceId, direction: "outbound", status: { in: [...liveStatuses] } } }),
    tx.call.findFirst({ where: { spaceId, direction: "outbound", startedAt: { gt: new Date(now.getTime() - MINUTE_MS) } }, select: { startedAt: true }, orderBy: { startedAt: "desc" }, skip: caps.callsPerMinute - 1 }),
  ]);
  return decideSpaceCaps({ spaceLive, concurrentCalls: caps.concurrentCalls, capthLatestStart: capth?.startedAt ?? null, callsPerMinute: caps.callsPerMinute }, now);
}

async function waitFor(tx: Tx, call: { id: string; waitReason: string | null }, wait: { waitMs: number; reason: string }): Promise<ClaimOutcome> {
  // The reason is written once per change, not on every look: the timeline stays readable.
  if (call.waitReason !== wait.reason) {
    await tx.call.update({ where: { id: call.id }, data: { waitReason: wait.reason } });
    await tx.callEvent.create({ data: { callId: call.id, kind: "waiting", detail: wait.reason } });
  }
  return { kind: "wait", waitMs: wait.waitMs, reason: wait.reason };
}

export function maxAttemptsOf(policy: unknown): number {
  const n = (policy as { maxAttempts?: unknown } | null)?.maxAttempts;
  return typeof n === "number" && n >= 1 ? n : 1;
}
