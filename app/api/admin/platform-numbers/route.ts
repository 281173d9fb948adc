// GET every platform number, in the pool (space: null) or assigned to a Space. The
// deployment's administrator only.
import { withAdminRoute } from "@/lib/api/with-admin-route";
import { listPlatformNumbers } from "@/lib/platform-numbers/pool";

export const dynamic = "force-dynamic";

export const GET = withAdminRoute(async () => Response.json({ items: await listPlatformNumbers() }));
