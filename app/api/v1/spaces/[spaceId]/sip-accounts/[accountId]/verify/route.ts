// POST: run Verify's four checks for one account (changes nothing in LiveKit).
// Session auth; Space from the URL; another Space's account is a 404.
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { verifySipAccount } from "@/lib/sip-accounts/verify-sip-account";

export const POST = withSpaceRoute<{ spaceId: string; accountId: string }>(async ({ ctx, params }) => Response.json(await verifySipAccount(ctx, params.accountId)));
