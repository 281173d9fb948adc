import type { Task } from "graphile-worker";
import { deliverWebhooks, type DeliverySettings } from "@/lib/webhooks/deliver";

// The deliver_webhooks job: one endpoint's pending events of one ordering key (lib/webhooks/deliver.ts).

export function deliverWebhooksTask(settings: DeliverySettings): Task {
  return async (payload, helpers) => {
    const p = payload as { endpointId?: unknown; orderingKey?: unknown } | null;
    if (typeof p?.endpointId !== "string" || typeof p.orderingKey !== "string") {
      helpers.logger.error("deliver_webhooks without endpointId and orderingKey: dropped");
      return;
    }
    await deliverWebhooks({ endpointId: p.endpointId, orderingKey: p.orderingKey }, settings);
  };
}
