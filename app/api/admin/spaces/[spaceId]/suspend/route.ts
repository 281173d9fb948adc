// POST: suspend the Space (its numbers are refused by the edge, its calls not placed).
import { setSpaceSuspended } from "@/lib/admin/spaces";
import { withAdminRoute } from "@/lib/api/with-admin-route";

export const POST = withAdminRoute<{ spaceId: string }>(async ({ params }) => Response.json(await setSpaceSuspended(params.spaceId, true)));
