import type { Prisma } from "@/lib/db/generated/prisma/client";
import { liveStatuses } from "@/lib/calls/status";
import { MINUTE_MS } from "./limits";

// The two reads of a claim, each one round trip (a claim is the dispatcher's hot path: with
// Prisma's relation reads and one count per limit it took ~14 round trips per call, and the
// dispatcher spent most of its time in the database driver). The first reads the call with
// everything its checks need and takes the Space's lock; the second counts, under that lock,
// what every limit needs. Separate statements on purpose: a statement sees the database as it
// was when it began, so counts taken in the statement that waited for the lock could be stale.

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

export type CallToClaim = {
  id: string;
  spaceId: string;
  status: string;
  direction: string;
  sipAccountId: string | null;
  phoneNumberId: string | null;
  agentId: string | null;
  fromNumber: string;
  toNumber: string;
  scheduledAt: Date | null;
  attempts: number;
  variables: unknown;
  retryPolicy: unknown;
  batchId: string | null;
  waitReason: string | null;
  selfTest: boolean;
  batchMaxConcurrency: number | null;
  batchCancelledAt: Date | null;
  spaceSuspendedAt: Date | null;
  monthlyMinutesLimit: number | null;
  outboundCallsPerMinute: number | null;
  outboundConcurrentCalls: number | null;
  /** False when the call's account row is gone (its other account fields are then null). */
  accountExists: boolean;
  accountDeletedAt: Date | null;
  outboundTrunkId: string | null;
  maxConcurrentCalls: number | null;
  callsPerSecond: number | null;
  /** Null when the call has no number, or its number is not verified. */
  numberVerifiedAt: Date | null;
};

/**
 * The call, its Space, account, batch and number, with the Space's claim lock taken
 * (transaction-scoped: it serialises every claim of the Space, its caps and so its accounts'
 * and batches' limits). Null when the call does not exist.
 */
export async function readAndLockCallToClaim(tx: Tx, callId: string): Promise<CallToClaim | null> {
  const rows = await tx.$queryRaw<CallToClaim[]>`
    SELECT c.id, c.space_id AS "spaceId", c.status::text AS status, c.direction::text AS direction,
           c.sip_account_id AS "sipAccountId", c.phone_number_id AS "phoneNumberId", c.agent_id AS "agentId",
           c.from_number AS "fromNumber", c.to_number AS "toNumber", c.scheduled_at AS "scheduledAt", c.attempts,
           c.variables, c.retry_policy AS "retryPolicy", c.batch_id AS "batchId", c.wait_reason AS "waitReason", c.self_test AS "selfTest",
           b.max_concurrency AS "batchMaxConcurrency", b.cancelled_at AS "batchCancelledAt",
           s.suspended_at AS "spaceSuspendedAt", s.monthly_minutes_limit AS "monthlyMinutesLimit",
           s.outbound_calls_per_minute AS "outboundCallsPerMinute", s.outbound_concurrent_calls AS "outboundConcurrentCalls",
           a.id IS NOT NULL AS "accountExists", a.deleted_at AS "accountDeletedAt", a.outbound_trunk_id AS "outboundTrunkId",
           a.max_concurrent_calls AS "maxConcurrentCalls", a.calls_per_second AS "callsPerSecond",
           n.verified_at AS "numberVerifiedAt",
           -- Taken for the rest of the transaction; the column itself is not read.
           pg_advisory_xact_lock(hashtextextended('calls:space:' || c.space_id, 0)) IS NULL AS "lockTaken"
      FROM calls c
      JOIN spaces s ON s.id = c.space_id
      LEFT JOIN sip_accounts a ON a.id = c.sip_account_id
      LEFT JOIN call_batches b ON b.id = c.batch_id
      LEFT JOIN phone_numbers n ON n.id = c.phone_number_id
     WHERE c.id = ${callId}`;
  return rows[0] ?? null;
}

export type LiveCounts = {
  /** The Space's outbound calls dialling, ringing or up. */
  spaceLive: number;
  /** Start of the Space's callsPerMinute-th latest outbound call within the minute, if any. */
  capthLatestStart: Date | null;
  /** The account's calls dialling, ringing or up, inbound included. */
  accountLive: number;
  /** Starts of the account's outbound calls within its calls-per-second window. */
  recentStarts: Date[];
  /** The batch's calls dialling, ringing or up (0 without a batch). */
  batchLive: number;
};

/** Everything the Space's caps and the account's and batch's limits count, in one statement. */
export async function countLive(
  tx: Tx,
  call: { spaceId: string; sipAccountId: string; batchId: string | null },
  windows: { callsPerMinute: number; cpsWindowMs: number },
  now: Date,
): Promise<LiveCounts> {
  const live = [...liveStatuses];
  const minuteAgo = new Date(now.getTime() - MINUTE_MS);
  const cpsSince = new Date(now.getTime() - windows.cpsWindowMs);
  const rows = await tx.$queryRaw<LiveCounts[]>`
    SELECT
      (SELECT count(*)::int FROM calls
        WHERE space_id = ${call.spaceId} AND direction = 'outbound' AND status = ANY(${live}::call_status[])) AS "spaceLive",
      (SELECT started_at FROM calls
        WHERE space_id = ${call.spaceId} AND direction = 'outbound' AND started_at > ${minuteAgo}
        ORDER BY started_at DESC OFFSET ${windows.callsPerMinute - 1} LIMIT 1) AS "capthLatestStart",
      (SELECT count(*)::int FROM calls
        WHERE sip_account_id = ${call.sipAccountId} AND status = ANY(${live}::call_status[])) AS "accountLive",
      CASE WHEN ${windows.cpsWindowMs}::int > 0 THEN
        (SELECT coalesce(array_agg(started_at), '{}') FROM calls
          WHERE sip_account_id = ${call.sipAccountId} AND direction = 'outbound' AND started_at > ${cpsSince})
      ELSE '{}' END AS "recentStarts",
      (SELECT count(*)::int FROM calls
        WHERE batch_id = ${call.batchId} AND status = ANY(${live}::call_status[])) AS "batchLive"`;
  return rows[0]!;
}
