import { randomBytes, randomUUID } from "node:crypto";
import { sqlTransaction, type Sql } from "@/lib/db/sql-transaction";
import { effectiveCaps, type OutboundCaps } from "@/lib/calls/policy/caps";
import { callerIdRefusal } from "@/lib/phone-numbers/ownership-rules";
import { SPACE_SUSPENDED_QUEUED_CALL } from "@/lib/spaces/suspension";
import { monthlyLimitRefusal } from "@/lib/usage/monthly-limit";
import { billableSecondsThisMonth } from "@/lib/usage/service";
import { countLive, readAndLockCallToClaim } from "./claim-reads";
import { cpsWindowMs, decideLimits, decideSpaceCaps } from "./limits";

// Takes a queued call for dialling, exactly once across every dispatcher. A suspended Space's
// call, or one over the Space's monthly minutes, is refused (failed, with the reason on its
// page). Under a transaction-scoped advisory lock on the call's Space, the Space's caps and
// the account's and batch's limits are counted and the row moves queued -> dialing with a
// conditional update. A second dispatcher (or a duplicate job) finds it no longer queued and
// does nothing. Every claim holds that lock for its few statements, so they are kept few:
// one read of the call with the lock, one of every count (claim-reads.ts), the move with its
// event. In plain SQL (lib/db/sql-transaction.ts): it runs for every call, and again at every
// look while a call waits for a limit, and through Prisma it cost ~4 ms more CPU each time.
// Times written are this process's clock, as Prisma writes them.

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
  return sqlTransaction(async (sql) => {
    const call = await readAndLockCallToClaim(sql, callId);
    if (!call || call.status !== "queued" || call.direction !== "outbound") return { kind: "skip", why: "not queued" };
    if (call.scheduledAt && call.scheduledAt.getTime() > now.getTime() + 50) return { kind: "wait", waitMs: call.scheduledAt.getTime() - now.getTime(), reason: "" };
    if (call.spaceSuspendedAt) return { kind: "refuse", reason: SPACE_SUSPENDED_QUEUED_CALL };
    if (!call.sipAccountId) return { kind: "refuse", reason: "The call's SIP account no longer exists." };
    if (call.batchCancelledAt) return { kind: "refuse", reason: "The batch was cancelled." };
    const unverified = call.phoneNumberId ? callerIdRefusal(mode, call.numberVerifiedAt) : null;
    if (unverified) return { kind: "refuse", reason: unverified };

    if (!call.accountExists || call.accountDeletedAt) return { kind: "refuse", reason: "The call's SIP account was deleted." };
    if (!call.outboundTrunkId) {
      // Saved while LiveKit was away: the call waits for the trunk (Reprovision puts it in place) rather than failing.
      return waitFor(sql, call, { waitMs: 10_000, reason: "Waiting for the account's outbound trunk to be provisioned in LiveKit: run Reprovision on the account." });
    }

    if (call.monthlyMinutesLimit !== null) {
      // Read beside the transaction: finished calls' seconds, which no claim changes.
      const overLimit = monthlyLimitRefusal(call.monthlyMinutesLimit, await billableSecondsThisMonth(call.spaceId, now));
      if (overLimit) return { kind: "refuse", reason: overLimit };
    }

    // Counted under the Space's lock (taken by the read above), so no other claim of the Space moves them meanwhile.
    const caps = effectiveCaps({ callsPerMinute: call.outboundCallsPerMinute, concurrentCalls: call.outboundConcurrentCalls, callsPerDay: null }, { ...ceilings, callsPerDay: Number.MAX_SAFE_INTEGER });
    const live = await countLive(sql, { spaceId: call.spaceId, sipAccountId: call.sipAccountId, batchId: call.batchId }, { callsPerMinute: caps.callsPerMinute, cpsWindowMs: cpsWindowMs(call.callsPerSecond) }, now);
    const spaceDecision = decideSpaceCaps({ spaceLive: live.spaceLive, concurrentCalls: caps.concurrentCalls, capthLatestStart: live.capthLatestStart, callsPerMinute: caps.callsPerMinute }, now);
    if (!spaceDecision.ok) return waitFor(sql, call, spaceDecision);
    const decision = decideLimits(
      {
        accountLive: live.accountLive,
        maxConcurrentCalls: call.maxConcurrentCalls,
        recentStarts: live.recentStarts,
        callsPerSecond: call.callsPerSecond,
        batchLive: call.batchId ? live.batchLive : null,
        batchMaxConcurrency: call.batchMaxConcurrency,
      },
      now,
    );
    if (!decision.ok) return waitFor(sql, call, decision);

    const attempt = call.attempts + 1;
    const roomName = attempt === 1 ? `call-${call.id}` : `call-${call.id}-${attempt}`;
    const participantIdentity = `sip-out-${call.id}-${randomBytes(4).toString("hex")}`;
    const of = maxAttemptsOf(call.retryPolicy);
    const moved = await sql.query(
      `WITH moved AS (
         UPDATE calls SET status = 'dialing', started_at = $2::timestamptz AT TIME ZONE 'UTC', attempts = $3, wait_reason = NULL,
                lease_until = $4::timestamptz AT TIME ZONE 'UTC', room_name = NULL, participant_identity = $5, sip_status_code = NULL,
                failure_reason = NULL, ended_at = NULL, updated_at = $2::timestamptz AT TIME ZONE 'UTC'
          WHERE id = $1 AND status = 'queued'
          RETURNING id)
       INSERT INTO call_events (id, call_id, kind, detail, at)
       SELECT $6, id, 'status:dialing', $7, $8::timestamptz AT TIME ZONE 'UTC' FROM moved`,
      [call.id, now.toISOString(), attempt, new Date(now.getTime() + leaseSeconds * 1000).toISOString(), participantIdentity, randomUUID(), `${of > 1 ? `Attempt ${attempt} of ${of}: d` : "D"}ialling ${call.toNumber}`, new Date().toISOString()],
    );
    if (moved.rowCount === 0) return { kind: "skip", why: "claimed elsewhere" };
    return {
      kind: "claimed",
      call: {
        id: call.id, spaceId: call.spaceId, accountId: call.sipAccountId, phoneNumberId: call.phoneNumberId, agentId: call.agentId, from: call.fromNumber, to: call.toNumber,
        attempt, roomName, participantIdentity, outboundTrunkId: call.outboundTrunkId, variables: call.variables, retryPolicy: call.retryPolicy, selfTest: call.selfTest,
      },
    };
  });
}

async function waitFor(sql: Sql, call: { id: string; waitReason: string | null }, wait: { waitMs: number; reason: string }): Promise<ClaimOutcome> {
  // The reason is written once per change, not on every look: the timeline stays readable.
  if (call.waitReason !== wait.reason) {
    await sql.query(
      `WITH waiting AS (UPDATE calls SET wait_reason = $2, updated_at = $4::timestamptz AT TIME ZONE 'UTC' WHERE id = $1 RETURNING id)
       INSERT INTO call_events (id, call_id, kind, detail, at) SELECT $3, id, 'waiting', $2, $4::timestamptz AT TIME ZONE 'UTC' FROM waiting`,
      [call.id, wait.reason, randomUUID(), new Date().toISOString()],
    );
  }
  return { kind: "wait", waitMs: wait.waitMs, reason: wait.reason };
}

export function maxAttemptsOf(policy: unknown): number {
  const n = (policy as { maxAttempts?: unknown } | null)?.maxAttempts;
  return typeof n === "number" && n >= 1 ? n : 1;
}
