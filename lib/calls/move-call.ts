import { randomUUID } from "node:crypto";
import { sqlTransaction } from "@/lib/db/sql-transaction";
import { emitCallStatusEvent, type CallEventFacts } from "./call-webhook-events";
import { callStatuses, canMove, type CallStatusName } from "./status";

// The one write path for status changes: a conditional update that only applies a move the
// state machine allows from the status the row holds now, so a late webhook and the
// dispatcher can race without moving a call backwards. The update and its timeline event are
// one statement, in one transaction with its webhook event: nobody ever reads a status whose
// event is not there yet.
//
// In plain SQL (lib/db/sql-transaction.ts): every call makes two or three moves, in the
// dispatcher and in the web app's LiveKit webhooks, and through Prisma's interactive
// transaction each cost 2.5-3.7 ms of CPU at rest, here 0.4-0.6 (bench/calls-claim.ts).
// Times are this process's clock, stored as UTC.

/** What a move may set beside the status; a field left out keeps its value, null clears it. */
export type MoveData = {
  answeredAt?: Date | null;
  endedAt?: Date | null;
  leaseUntil?: Date | null;
  sipStatusCode?: number | null;
  failureReason?: string | null;
  endReason?: string | null;
  durationMs?: number | null;
  durationSeconds?: number | null;
};

const COLUMNS: Record<keyof MoveData, { column: string; instant?: true }> = {
  answeredAt: { column: "answered_at", instant: true },
  endedAt: { column: "ended_at", instant: true },
  leaseUntil: { column: "lease_until", instant: true },
  sipStatusCode: { column: "sip_status_code" },
  failureReason: { column: "failure_reason" },
  endReason: { column: "end_reason" },
  durationMs: { column: "duration_ms" },
  durationSeconds: { column: "duration_seconds" },
};

// The row as the move left it, as its webhook event needs it (callEventData).
const RETURNING = `id, space_id AS "spaceId", direction, status, from_number AS "fromNumber", to_number AS "toNumber",
  phone_number_id AS "phoneNumberId", sip_account_id AS "sipAccountId", agent_id AS "agentId", batch_id AS "batchId",
  attempts, sip_status_code AS "sipStatusCode", failure_reason AS "failureReason", end_reason AS "endReason",
  created_at AT TIME ZONE 'UTC' AS "createdAt", answered_at AT TIME ZONE 'UTC' AS "answeredAt",
  ended_at AT TIME ZONE 'UTC' AS "endedAt", duration_ms AS "durationMs"`;

/**
 * Moves a call to `to` when the state machine allows it from its current status; writes the
 * timeline event (`status:<to>`, with `detail`) and the webhook event when it applies.
 * Returns whether the move happened.
 */
export async function moveCall(callId: string, to: CallStatusName, data: MoveData = {}, detail?: string): Promise<boolean> {
  const from = callStatuses.filter((s) => canMove(s, to));
  const now = new Date().toISOString();
  const values: unknown[] = [callId, to, now, from, randomUUID(), `status:${to}`, detail ?? null];
  const sets = (Object.keys(COLUMNS) as (keyof MoveData)[])
    .filter((field) => data[field] !== undefined)
    .map((field) => {
      const { column, instant } = COLUMNS[field];
      const value = data[field];
      values.push(value instanceof Date ? value.toISOString() : value);
      return instant ? `${column} = $${values.length}::timestamptz AT TIME ZONE 'UTC'` : `${column} = $${values.length}`;
    });
  return sqlTransaction(async (sql) => {
    const { rows } = await sql.query<CallEventFacts>(
      `WITH moved AS (
         UPDATE calls SET ${["status = $2::call_status", "updated_at = $3::timestamptz AT TIME ZONE 'UTC'", ...sets].join(", ")}
          WHERE id = $1 AND status = ANY($4::call_status[])
          RETURNING ${RETURNING}),
       event AS (
         INSERT INTO call_events (id, call_id, kind, detail, at)
         SELECT $5, id, $6, $7, $3::timestamptz AT TIME ZONE 'UTC' FROM moved)
       SELECT * FROM moved`,
      values,
    );
    const moved = rows[0];
    if (!moved) return false;
    await emitCallStatusEvent(sql, moved, to);
    return true;
  });
}
