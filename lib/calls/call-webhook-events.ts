import "server-only";
import type { Call } from "@/lib/db/generated/prisma/client";
import type { AnyTx } from "@/lib/db/sql-transaction";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { CallStatusName } from "./status";

// A call's webhook events, emitted in the transaction that moves its status, ordered per call
// (the ordering key is the call's id). Dialling and retries in between are not events:
// an operator sees queued, ringing, answered, then completed / failed / cancelled.

const eventOfStatus: Partial<Record<CallStatusName, WebhookEventType>> = {
  queued: "call.queued",
  ringing: "call.ringing",
  in_progress: "call.answered",
  completed: "call.completed",
  failed: "call.failed",
  busy: "call.failed",
  no_answer: "call.failed",
  cancelled: "call.cancelled",
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns of a call its events carry. */
export type CallEventFacts = Pick<
  Call,
  | "id" | "spaceId" | "direction" | "status" | "fromNumber" | "toNumber" | "phoneNumberId" | "sipAccountId" | "agentId" | "batchId"
  | "attempts" | "sipStatusCode" | "failureReason" | "endReason" | "createdAt" | "answeredAt" | "endedAt" | "durationMs"
>;

/** What every call event carries (lib/webhooks/event-payloads.ts documents it). */
export function callEventData(call: CallEventFacts): Record<string, unknown> {
  return {
    callId: call.id,
    direction: call.direction,
    status: call.status,
    from: call.fromNumber,
    to: call.toNumber,
    phoneNumberId: call.phoneNumberId,
    sipAccountId: call.sipAccountId,
    agentId: call.agentId,
    batchId: call.batchId,
    attempts: call.attempts,
    sipStatusCode: call.sipStatusCode,
    reason: call.failureReason,
    endReason: call.endReason,
    createdAt: call.createdAt.toISOString(),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    durationMs: call.durationMs,
  };
}

/**
 * Emits the event of `status` for `call`, the row as the move left it (nothing for statuses
 * that are not events). The row comes from the write itself (a create, or an update that
 * returns it): reading it again would cost every status change one more round trip.
 */
export async function emitCallStatusEvent(tx: AnyTx, call: CallEventFacts, status: CallStatusName): Promise<void> {
  const type = eventOfStatus[status];
  if (!type) return;
  await emitWebhookEvent(tx, { spaceId: call.spaceId, type, orderingKey: `call:${call.id}`, data: callEventData(call) });
}
