import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { queryRows, type AnyTx } from "@/lib/db/sql-transaction";
import { deliverWebhooksJobSql } from "@/lib/queue/jobs";
import type { WebhookEventType } from "./events";

// The one way an event leaves the console: written inside the transaction of the change it
// reports (a call's status, a binding, an account's provisioning), with one delivery per
// subscribed endpoint and the job that sends it. An event is never sent for a change that
// rolled back, and never lost for one that committed. The dispatcher sends them.
// One statement, so it runs the same in a Prisma transaction and in the calls engine's plain
// SQL one (lib/db/sql-transaction.ts), and costs a change nobody listens to one round trip.

export type WebhookEvent = {
  spaceId: string;
  type: WebhookEventType;
  /** Ids and plain facts only: never a secret, never LiveKit's raw text. */
  data: Record<string, unknown>;
  /** Events sharing a key reach each endpoint in the order emitted (a call's id, an account's). */
  orderingKey: string;
};

/** `webhook-id`s look like `msg_<uuid>`: stable across retries and redeliveries. */
export const newMessageId = () => `msg_${randomUUID().replaceAll("-", "")}`;

/** The JSON body every delivery of a message carries (the Standard Webhooks convention). */
export function messageBody(type: string, at: Date, data: Record<string, unknown>): Prisma.InputJsonObject {
  return { type, timestamp: at.toISOString(), data: data as Prisma.InputJsonObject };
}

// Listeners: enabled endpoints of the Space subscribed to the type (no types: every event).
// Without one, nothing is written. Times are this process's clock, stored as UTC.
const EMIT = `
  WITH listeners AS (
    SELECT id FROM webhook_endpoints
     WHERE space_id = $1::text AND enabled AND ($2::text = ANY(events) OR cardinality(events) = 0)),
  message AS (
    INSERT INTO webhook_messages (id, space_id, type, body, ordering_key, created_at)
    SELECT $3::text, $1::text, $2::text, $4::jsonb, $5::text, $6::timestamptz AT TIME ZONE 'UTC'
     WHERE EXISTS (SELECT 1 FROM listeners)
    RETURNING id),
  deliveries AS (
    INSERT INTO webhook_deliveries (id, endpoint_id, message_id, ordering_key, next_attempt_at, created_at)
    SELECT gen_random_uuid()::text, listeners.id, message.id, $5::text, $6::timestamptz AT TIME ZONE 'UTC', $6::timestamptz AT TIME ZONE 'UTC'
      FROM listeners, message
    RETURNING endpoint_id)
  SELECT (SELECT id FROM message) AS id,
         (SELECT count(${deliverWebhooksJobSql("endpoint_id", "$5::text")}) FROM deliveries)::int AS jobs`;

/** Records `event` for every enabled endpoint (a disabled one gets nothing, now or later) of its Space that subscribes to it. Returns the message id, or null when nobody listens. */
export async function emitWebhookEvent(tx: AnyTx, event: WebhookEvent): Promise<string | null> {
  const at = new Date();
  const [row] = await queryRows<{ id: string | null }>(tx, EMIT, [
    event.spaceId,
    event.type,
    newMessageId(),
    JSON.stringify(messageBody(event.type, at, event.data)),
    event.orderingKey,
    at.toISOString(),
  ]);
  return row?.id ?? null;
}
