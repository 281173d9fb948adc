// POST: send a webhook.test event to this endpoint only; 202 with its delivery (poll the log for the outcome).
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { sendTestWebhook } from "@/lib/webhooks/deliveries";

type P = { spaceId: string; endpointId: string };

export const POST = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await sendTestWebhook(ctx, params.endpointId), { status: 202 }), { noBody: true });
