import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { addDeliverWebhooksJob } from "@/lib/queue/jobs";
import type { WebhookEventType } from "./events";

// The one way an event leaves the console: written inside the transaction of the change it
// reports (a call's status, a binding, an account's provisioning), with one delivery per
// subscribed endpoint and the job that sends it. An event is never sent for a change that
// rolled back, and never lost for one that committed. The dispatcher sends them.

type Tx = Prisma.TransactionClient;

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

/** Records `event` for every enabled endpoint (a disabled one gets nothing, now or later) of its Space that subscribes to it. Returns the message id, or null when nobody listens. */
export async function emitWebhookEvent(tx: Tx, event: WebhookEvent): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { spaceId: event.spaceId, enabled: true, OR: [{ events: { has: event.type } }, { events: { isEmpty: true } }] },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = newMessageId();
  await tx.webhookMessage.create({
    data: { id, spaceId: event.spaceId, type: event.type, body: messageBody(event.type, new Date(), event.data), orderingKey: event.orderingKey },
  });
  await tx.webhookDelivery.createMany({ data: endpoints.map((e) => ({ endpointId: e.id, messageId: id, orderingKey: event.orderingKey })) });
  for (const e of endpoints) await addDeliverWebhooksJob(tx, { endpointId: e.id, orderingKey: event.orderingKey });
  return id;
}
