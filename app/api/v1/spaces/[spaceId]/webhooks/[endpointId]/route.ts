// GET one webhook endpoint, PATCH its URL, description, events or enabled state (absent =
// keep), DELETE it with its delivery log. API key or session; another Space's id is a 404.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { updateWebhookEndpointInput } from "@/lib/webhooks/schemas";

type P = { spaceId: string; endpointId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getWebhookEndpoint(ctx, params.endpointId)));

export const PATCH = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, updateWebhookEndpointInput);
  if (!body.ok) return body.response;
  return Response.json(await updateWebhookEndpoint(ctx, params.endpointId, body.data));
});

export const DELETE = withSpaceRoute<P>(
  async ({ ctx, params }) => {
    await deleteWebhookEndpoint(ctx, params.endpointId);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
