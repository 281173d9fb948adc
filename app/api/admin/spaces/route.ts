// GET every Space of the deployment with its members, accounts, numbers, and calls and
// billable seconds this UTC month. The deployment's administrator only (lib/api/with-admin-route).
import { listSpacesOverview } from "@/lib/admin/spaces";
import { withAdminRoute } from "@/lib/api/with-admin-route";

export const dynamic = "force-dynamic";

export const GET = withAdminRoute(async () => Response.json({ items: await listSpacesOverview() }));
