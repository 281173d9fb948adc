// GET one Space's overview and this month's usage; PATCH its limits ({ monthlyMinutesLimit }).
// The deployment's administrator only.
import { spaceLimitsBody } from "@/lib/admin/schemas";
import { findSpaceOverview, setSpaceLimits } from "@/lib/admin/spaces";
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { parseBody } from "@/lib/api/with-space-route";
import { spaceUsage } from "@/lib/usage/service";

export const dynamic = "force-dynamic";

export const GET = withAdminRoute<{ spaceId: string }>(async ({ params }) => {
  const space = await findSpaceOverview(params.spaceId);
  return Response.json({ space, usage: await spaceUsage({ spaceId: space.id }, {}) });
});

export const PATCH = withAdminRoute<{ spaceId: string }>(async ({ params, request }) => {
  const body = await parseBody(request, spaceLimitsBody);
  if (!body.ok) return body.response;
  return Response.json(await setSpaceLimits(params.spaceId, body.data));
});
