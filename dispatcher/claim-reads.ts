import { liveStatuses } from "@/lib/calls/status";
import type { Sql } from "@/lib/db/sql-transaction";
import { MINUTE_MS } from "./limits";

// The two reads of a claim, each one round trip (a claim is the dispatcher's hot path: with
// Prisma's relation reads and one count per limit it took ~14 round trips per call, and the
// dispatcher spent most of its time in the database driver). The first reads the call with
// everything its checks need and takes the Space's lock; the second counts, under that lock,
// what every limit needs. Separate statements on purpose: a statement sees the database as it
// was when it began, so counts taken in the statement that waited for the lock could be stale.
// Plain SQL through pg (lib/db/sql-transaction.ts says why), timestamps read as UTC.

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
export async function readAndLockCallToClaim(sql: Sql, callId: string): Promise<CallToClaim | null> {
  const { rows } = await sql.query<CallToClaim>(
    `SELECT c.id, c.space_id AS "spaceId", c.status::text AS status, c.direction::text AS direction,
            c.sip_account_id AS "sipAccountId", c.phone_number_id AS "phoneNumberId", c.agent_id AS "agentId",
            c.from_number AS "fromNumber", c.to_number AS "toNumber", c.scheduled_at AT TIME ZONE 'UTC' AS "scheduledAt", c.attempts,
            c.variables, c.retry_policy AS "retryPolicy", c.batch_id AS "batchId", c.wait_reason AS "waitReason", c.self_test AS "selfTest",
            b.max_concurrency AS "batchMaxConcurrency", b.cancelled_at AT TIME ZONE 'UTC' AS "batchCancelledAt",
            s.suspended_at AT TIME ZONE 'UTC' AS "spaceSuspendedAt", s.monthly_minutes_limit AS "monthlyMinutesLimit",
            s.outbound_calls_per_minute AS "outboundCallsPerMinute", s.outbound_concurrent_calls AS "outboundConcurrentCalls",
            a.id IS NOT NULL AS "accountExists", a.deleted_at AT TIME ZONE 'UTC' AS "accountDeletedAt", a.outbound_trunk_id AS "outboundTrunkId",
            a.max_concurrent_calls AS "maxConcurrentCalls", a.calls_per_second AS "callsPerSecond",
            n.verified_at AT TIME ZONE 'UTC' AS "numberVerifiedAt",
            -- Taken for the rest of the transaction; the column itself is not read.
            pg_advisory_xact_lock(hashtextextended('calls:space:' || c.space_id, 0)) IS NULL AS "lockTaken"
       FROM calls c
       JOIN spaces s ON s.id = c.space_id
       LEFT JOIN sip_accounts a ON a.id = c.sip_account_id
       LEFT JOIN call_batches b ON b.id = c.batch_id
       LEFT JOIN phone_numbers n ON n.id = c.phone_number_id
      WHERE c.id = $1`,
    [callId],
  );
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
  sql: Sql,
  call: { spaceId: string; sipAccountId: string; batchId: string | null },
  windows: { callsPerMinute: number; cpsWindowMs: number },
  now: Date,
): Promise<LiveCounts> {
  const minuteAgo = new Date(now.getTime() - MINUTE_MS).toISOString();
  const cpsSince = new Date(now.getTime() - windows.cpsWindowMs).toISOString();
  const { rows } = await sql.query<LiveCounts>(
    `SELECT
       (SELECT count(*)::int FROM calls
         WHERE space_id = $1 AND direction = 'outbound' AND status = ANY($2::call_status[])) AS "spaceLive",
       (SELECT started_at AT TIME ZONE 'UTC' FROM calls
         WHERE space_id = $1 AND direction = 'outbound' AND started_at > $3::timestamptz AT TIME ZONE 'UTC'
         ORDER BY started_at DESC OFFSET $4 LIMIT 1) AS "capthLatestStart",
       (SELECT count(*)::int FROM calls
         WHERE sip_account_id = $5 AND status = ANY($2::call_status[])) AS "accountLive",
       CASE WHEN $6::int > 0 THEN
         (SELECT coalesce(array_agg(started_at AT TIME ZONE 'UTC'), '{}') FROM calls
           WHERE sip_account_id = $5 AND direction = 'outbound' AND started_at > $7::timestamptz AT TIME ZONE 'UTC')
       ELSE '{}' END AS "recentStarts",
       (SELECT count(*)::int FROM calls
         WHERE batch_id = $8 AND status = ANY($2::call_status[])) AS "batchLive"`,
    [call.spaceId, [...liveStatuses], minuteAgo, windows.callsPerMinute - 1, call.sipAccountId, windows.cpsWindowMs, cpsSince, call.batchId],
  );
  return rows[0]!;
}
