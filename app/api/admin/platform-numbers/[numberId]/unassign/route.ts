// POST: returns an assigned number to the pool (200 with the pool's number; 409 when it is in
// the pool already; 503 and nothing changed while LiveKit is unreachable).
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { unassignPlatformNumber } from "@/lib/platform-numbers/pool";

export const POST = withAdminRoute<{ numberId: string }>(async ({ params }) => Response.json(await unassignPlatformNumber(params.numberId)));
