// POST: run Verify's four checks for one account (changes nothing in LiveKit; any member may
// verify). Rate limited per Space in the service. API key or session; Space from the URL.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { verifySipAccount } from "@/lib/sip-accounts/verify-sip-account";

export const POST = withSpaceRoute<{ spaceId: string; accountId: string }>(async ({ ctx, params }) => Response.json(await verifySipAccount(ctx, params.accountId, "api")), {
  noBody: true,
});
