// POST: a new signing secret for the endpoint, in this answer only; the old one stops signing at once.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";

type P = { spaceId: string; endpointId: string };

export const POST = withSpaceRoute<P>(
  async ({ ctx, params }) => Response.json(await rotateWebhookSecret(ctx, params.endpointId), { headers: { "cache-control": "no-store" } }),
  { noBody: true },
);
