import "server-only";
import { db } from "@/lib/db/client";
import type { Keyring } from "@/lib/crypto/credentials";
import { addDeliverWebhooksJob, type DeliverWebhooksPayload } from "@/lib/queue/jobs";
import type { AddressMode } from "./address-policy";
import { retryDelaySeconds } from "./retry-schedule";
import { sendWebhook, type AttemptResult } from "./send";
import { openSigningSecret } from "./signing-secret";

// The `deliver_webhooks` job (run by the dispatcher): sends one endpoint's pending deliveries
// of one ordering key, oldest first, and stops at the first failure, so a call's events
// arrive in order. Only the oldest pending delivery of a key is ever sent, under a short
// lock on its row, so two jobs of one key never send side by side. A failure schedules the
// retry by re-adding the job at the back-off time (graphile-worker's own retry counter is
// reset by every new event, so the schedule lives in the delivery row).

export type DeliverySettings = {
  mode: AddressMode;
  keyring: Keyring;
  retryScheduleSeconds: readonly number[];
  disableAfterSeconds: number;
  timeoutMs: number;
};

/** A sender that died lets go of its delivery after this. */
const LOCK_SECONDS = 60;
/** Deliveries one job sends before handing its key back to the queue (fairness between keys). */
const PER_JOB = 100;

export async function deliverWebhooks(payload: DeliverWebhooksPayload, settings: DeliverySettings): Promise<void> {
  // Read once per job: an endpoint disabled or edited meanwhile is seen by the next job, at most PER_JOB deliveries later.
  const endpoint = await db().webhookEndpoint.findUnique({ where: { id: payload.endpointId } });
  if (!endpoint || !endpoint.enabled) return;
  const secret = openSigningSecret(settings.keyring, endpoint.id, endpoint.secretEnc);
  let failing = endpoint.failingSince !== null;
  for (let sent = 0; sent < PER_JOB; sent++) {
    const head = await claimHead(payload);
    if (head === "busy" || head === null) return;
    if (head.waitUntil) {
      await addDeliverWebhooksJob(db(), payload, head.waitUntil);
      return;
    }
    const result = await sendWebhook(endpoint.url, secret, head.messageId, JSON.stringify(head.body), settings);
    const retryAt = await recordAttempt(head.id, endpoint.id, result, settings, failing);
    failing = !result.ok;
    if (retryAt) {
      await addDeliverWebhooksJob(db(), payload, retryAt);
      return;
    }
  }
  await addDeliverWebhooksJob(db(), payload, new Date());
}

type Head = { id: string; messageId: string; body: unknown; waitUntil: Date | null };

/** Locks the key's oldest pending delivery for this job; "busy" when another job holds it. */
async function claimHead({ endpointId, orderingKey }: DeliverWebhooksPayload): Promise<Head | "busy" | null> {
  const rows = await db().$queryRaw<{ id: string; message_id: string; body: unknown; next_attempt_at: Date; locked: boolean }[]>`
    WITH head AS (
      SELECT d.id, d.message_id, m.body, d.next_attempt_at, coalesce(d.locked_until > now(), false) AS locked
      FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
      WHERE d.endpoint_id = ${endpointId} AND d.ordering_key = ${orderingKey} AND d.status = 'pending'
      ORDER BY m.seq
      LIMIT 1
      FOR UPDATE OF d
    )
    UPDATE webhook_deliveries d
    SET locked_until = CASE WHEN head.locked OR head.next_attempt_at > now() THEN d.locked_until ELSE now() + make_interval(secs => ${LOCK_SECONDS}) END
    FROM head WHERE d.id = head.id
    RETURNING d.id, head.message_id, head.body, head.next_attempt_at, head.locked`;
  const row = rows[0];
  if (!row) return null;
  if (row.locked) return "busy";
  return { id: row.id, messageId: row.message_id, body: row.body, waitUntil: row.next_attempt_at > new Date() ? row.next_attempt_at : null };
}

/**
 * Writes the attempt to the log; on failure returns when to retry (null: delivered, or out of
 * retries). `endpointFailing`: whether the endpoint's failing clock may be running (a success
 * then stops it; otherwise a success costs one statement).
 */
async function recordAttempt(deliveryId: string, endpointId: string, result: AttemptResult, settings: DeliverySettings, endpointFailing: boolean): Promise<Date | null> {
  const now = new Date();
  const attempt = { lastAttemptAt: now, lastStatusCode: result.statusCode, lastLatencyMs: result.latencyMs, lastResponse: result.response, lockedUntil: null, attempts: { increment: 1 } };
  if (result.ok) {
    await db().webhookDelivery.update({ where: { id: deliveryId }, data: { ...attempt, status: "delivered", deliveredAt: now } });
    if (endpointFailing) await db().webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
    return null;
  }
  const current = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { retryStep: true } });
  const delay = retryDelaySeconds(settings.retryScheduleSeconds, current.retryStep);
  const retryAt = delay === null ? null : new Date(now.getTime() + delay * 1000);
  await db().webhookDelivery.update({
    where: { id: deliveryId },
    data: retryAt ? { ...attempt, retryStep: { increment: 1 }, nextAttemptAt: retryAt } : { ...attempt, status: "failed" },
  });
  await noteEndpointFailure(endpointId, now, settings.disableAfterSeconds);
  // Out of retries (null): this delivery is given up (Redeliver can send it again); the key's next one goes on.
  return retryAt;
}

/** Starts the endpoint's failing clock, and disables it once it has failed, with no success, for too long. */
async function noteEndpointFailure(endpointId: string, now: Date, disableAfterSeconds: number): Promise<void> {
  await db().webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
  const since = new Date(now.getTime() - disableAfterSeconds * 1000);
  const hours = Math.round(disableAfterSeconds / 3600);
  await db().webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, failingSince: { lte: since } },
    data: { enabled: false, disabledReason: `Disabled automatically: every delivery failed for ${hours >= 1 ? `${hours} hours` : `${disableAfterSeconds} seconds`}. Fix the receiver, then enable it again.` },
  });
}
