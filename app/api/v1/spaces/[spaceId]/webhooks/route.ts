// GET: the Space's webhook endpoints (never a signing secret). POST: create one (owners and
// admins); the signing secret is in this answer only. API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookEndpointInput } from "@/lib/webhooks/schemas";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listWebhookEndpoints(ctx) }));

// Not idempotent on purpose: a replay store would have to keep the secret.
export const POST = withSpaceRoute(async ({ ctx, request }) => {
  const body = await parseBody(request, createWebhookEndpointInput);
  if (!body.ok) return body.response;
  return Response.json(await createWebhookEndpoint(ctx, body.data), { status: 201, headers: { "cache-control": "no-store" } });
});
