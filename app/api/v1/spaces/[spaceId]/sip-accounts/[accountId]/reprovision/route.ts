// POST: make LiveKit match the database for one account, in place (?mode=recreate deletes
// and recreates, dropping calls). Rate limited per Space in the service. API key or session; Space from the URL.
import { problem } from "@/lib/api/problem";
import { withSpaceRoute } from "@/lib/api/with-space-route";
import { reprovisionModeQuery } from "@/lib/sip-accounts/rest-input";
import { recreateSipAccount } from "@/lib/sip-accounts/recreate-sip-account";
import { reprovisionSipAccount } from "@/lib/sip-accounts/reprovision-sip-account";

export const POST = withSpaceRoute<{ spaceId: string; accountId: string }>(
  async ({ ctx, params, request }) => {
    const mode = reprovisionModeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!mode.success) return problem(400, "Bad request", { detail: 'mode must be "in-place" or "recreate".' });
    const result = mode.data.mode === "recreate" ? await recreateSipAccount(ctx, params.accountId) : await reprovisionSipAccount(ctx, params.accountId);
    if (result.failed) return problem(503, "LiveKit unavailable", { detail: result.account.provisioning.reason ?? undefined, account: result.account });
    return Response.json({ account: result.account, changes: result.changes });
  },
  { noBody: true },
);
