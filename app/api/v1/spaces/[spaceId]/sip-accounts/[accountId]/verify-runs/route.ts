// GET: the account's Verify history, newest first (?limit= 1-50, default 10): when each Verify
// ran, what ran it, its result and failed checks. API key or session (any member); Space from the URL.
import { parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { verifyRunsQuery } from "@/lib/sip-accounts/verify-run-view";
import { listVerifyRuns } from "@/lib/sip-accounts/verify-runs";

export const GET = withSpaceRoute<{ spaceId: string; accountId: string }>(async ({ ctx, params, request }) => {
  const parsed = parseOr422(verifyRunsQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return Response.json({ items: await listVerifyRuns(ctx, params.accountId, parsed.data.limit) });
});
