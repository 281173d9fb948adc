// GET: the endpoint's delivery log, newest first (?status=pending|delivered|failed, ?limit=1..200).
import { parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { deliveryLogQuery } from "@/lib/webhooks/schemas";

type P = { spaceId: string; endpointId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const query = parseOr422(deliveryLogQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json({ items: await listWebhookDeliveries(ctx, params.endpointId, query.data) });
});
