// POST: reprovision every account of the Space with bounded concurrency; answers a summary
// of what changed and what failed. Rate limited per Space in the service. API key or session; Space from the URL.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { refreshAllSipAccounts } from "@/lib/sip-accounts/refresh-all";

export const POST = withSpaceRoute(async ({ ctx }) => Response.json(await refreshAllSipAccounts(ctx)), { noBody: true });
