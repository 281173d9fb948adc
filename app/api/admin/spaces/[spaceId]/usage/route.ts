// GET any Space's usage (as /api/v1/spaces/{spaceId}/usage answers it to its members, CSV
// included). The deployment's administrator only.
import { findSpaceOverview } from "@/lib/admin/spaces";
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { usageResponse } from "@/lib/usage/usage-response";

export const dynamic = "force-dynamic";

export const GET = withAdminRoute<{ spaceId: string }>(async ({ params, request }) => {
  const space = await findSpaceOverview(params.spaceId);
  return usageResponse(space.id, request);
});
