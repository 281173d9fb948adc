// POST: repair every account of the Space in place (the console's Refresh all: no trunk is
// deleted, calls keep going); answers what changed and what failed. Rate limited per Space in
// the service. API key only; the Space is the key's.
import { withKeyRoute } from "@/lib/api/with-key-route";
import { refreshAllSipAccounts } from "@/lib/sip-accounts/refresh-all";

export const POST = withKeyRoute(async ({ ctx }) => Response.json(await refreshAllSipAccounts(ctx)), { noBody: true });
