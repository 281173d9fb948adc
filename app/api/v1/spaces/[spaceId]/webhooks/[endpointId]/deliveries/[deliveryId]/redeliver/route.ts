// POST: send a delivered or failed event again, with the same webhook-id; 202 with the delivery.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { redeliverWebhook } from "@/lib/webhooks/deliveries";

type P = { spaceId: string; endpointId: string; deliveryId: string };

export const POST = withSpaceRoute<P>(
  async ({ ctx, params }) => Response.json(await redeliverWebhook(ctx, params.endpointId, params.deliveryId), { status: 202 }),
  { noBody: true },
);
