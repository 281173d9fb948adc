// POST: resume a suspended Space.
import { setSpaceSuspended } from "@/lib/admin/spaces";
import { withAdminRoute } from "@/lib/api/with-admin-route";

export const POST = withAdminRoute<{ spaceId: string }>(async ({ params }) => Response.json(await setSpaceSuspended(params.spaceId, false)));
