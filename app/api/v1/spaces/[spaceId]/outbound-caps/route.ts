// GET the Space's outbound caps (its own, the deployment's limits, what is enforced); PATCH
// them (owners and admins). API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { updateOutboundCapsBody } from "@/lib/calls/policy/caps";
import { getOutboundCaps, setOutboundCaps } from "@/lib/spaces/outbound-caps";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json(await getOutboundCaps(ctx)));

export const PATCH = withSpaceRoute(async ({ ctx, request }) => {
  const body = await parseBody(request, updateOutboundCapsBody);
  if (!body.ok) return body.response;
  return Response.json(await setOutboundCaps(ctx, body.data));
});
