import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { addDeliverWebhooksJob } from "@/lib/queue/jobs";

// Puts a job back behind pending deliveries that have none: after an endpoint is enabled
// again, and, from the dispatcher's reconciliation, after a sender was killed mid-send (its
// queue job stays locked by the dead process for hours; the delivery's own lock lapses in a
// minute).

type Tx = Prisma.TransactionClient;

/** Every key of one endpoint with pending deliveries gets a job (enabling it again). */
export async function resumeEndpointDeliveries(tx: Tx, endpointId: string): Promise<void> {
  const keys = await tx.webhookDelivery.findMany({ where: { endpointId, status: "pending" }, distinct: ["orderingKey"], select: { orderingKey: true } });
  for (const { orderingKey } of keys) await addDeliverWebhooksJob(tx, { endpointId, orderingKey });
}

/** Keys whose oldest due delivery has waited unsent, and unlocked, for over `staleSeconds`. Returns how many were resumed. */
export async function resumeStalledDeliveries(staleSeconds = 60, limit = 500): Promise<number> {
  const stalled = await db().$queryRaw<{ endpoint_id: string; ordering_key: string }[]>`
    SELECT DISTINCT d.endpoint_id, d.ordering_key
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
    WHERE d.status = 'pending'
      AND d.next_attempt_at < now() - make_interval(secs => ${staleSeconds})
      AND (d.locked_until IS NULL OR d.locked_until < now())
    LIMIT ${limit}`;
  for (const row of stalled) await addDeliverWebhooksJob(db(), { endpointId: row.endpoint_id, orderingKey: row.ordering_key });
  return stalled.length;
}
