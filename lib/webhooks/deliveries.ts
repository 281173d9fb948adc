import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addDeliverWebhooksJob } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { messageBody, newMessageId } from "./emit";
import { assertCanManageWebhooks, findEndpoint } from "./endpoints";
import { TEST_EVENT_TYPE } from "./events";
import type { WebhookDeliveryView } from "./schemas";

// An endpoint's delivery log, Redeliver and Send test event.

const deliveryInclude = { message: { select: { type: true } } } satisfies Prisma.WebhookDeliveryInclude;
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryInclude }>;

export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    messageId: row.messageId,
    event: row.message.type,
    status: row.status,
    attempts: row.attempts,
    statusCode: row.lastStatusCode,
    latencyMs: row.lastLatencyMs,
    response: row.lastResponse,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The newest deliveries first; `status` narrows to pending, delivered or failed ones. */
export async function listWebhookDeliveries(
  ctx: SpaceContext,
  endpointId: string,
  options: { limit?: number; status?: WebhookDeliveryView["status"] } = {},
): Promise<WebhookDeliveryView[]> {
  const endpoint = await findEndpoint(ctx, endpointId);
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: endpoint.id, ...(options.status ? { status: options.status } : {}) },
    include: deliveryInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
  });
  return rows.map(toDeliveryView);
}

/**
 * Sends a delivery again, with the same `webhook-id`, and a fresh back-off schedule. It
 * takes its original place in its key's order: later events of the same call wait for it.
 */
export async function redeliverWebhook(ctx: SpaceContext, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  assertCanManageWebhooks(ctx);
  const endpoint = await findEndpoint(ctx, endpointId);
  if (!endpoint.enabled) throw new ValidationError("Enable the endpoint before redelivering to it.", { enabled: ["Enable the endpoint first."] });
  return db().$transaction(async (tx) => {
    const moved = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpointId: endpoint.id, status: { in: ["delivered", "failed"] } },
      data: { status: "pending", retryStep: 0, nextAttemptAt: new Date(), deliveredAt: null },
    });
    const row = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: endpoint.id }, include: deliveryInclude });
    if (!row) throw new NotFoundError("Delivery not found");
    if (moved.count > 0) await addDeliverWebhooksJob(tx, { endpointId: endpoint.id, orderingKey: row.orderingKey });
    return toDeliveryView(row);
  });
}

/** A `webhook.test` event to this endpoint only, outside any call's order. */
export async function sendTestWebhook(ctx: SpaceContext, endpointId: string): Promise<WebhookDeliveryView> {
  assertCanManageWebhooks(ctx);
  const endpoint = await findEndpoint(ctx, endpointId);
  if (!endpoint.enabled) throw new ValidationError("Enable the endpoint before sending it a test event.", { enabled: ["Enable the endpoint first."] });
  const id = newMessageId();
  return db().$transaction(async (tx) => {
    await tx.webhookMessage.create({
      data: { id, spaceId: ctx.spaceId, type: TEST_EVENT_TYPE, orderingKey: id, body: messageBody(TEST_EVENT_TYPE, new Date(), { endpointId: endpoint.id, spaceId: ctx.spaceId }) },
    });
    const row = await tx.webhookDelivery.create({ data: { endpointId: endpoint.id, messageId: id, orderingKey: id }, include: deliveryInclude });
    await addDeliverWebhooksJob(tx, { endpointId: endpoint.id, orderingKey: id });
    return toDeliveryView(row);
  });
}
