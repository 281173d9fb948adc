// The account's round-trip self-tests (lib/sip-accounts/self-test). GET: the latest, newest
// first, each with its verdict and legs (any member). POST: start one (owners and admins: it
// places a call); 202 with the test running. API key or session; Space from the URL.
import { parseBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { startSelfTestInput } from "@/lib/sip-accounts/self-test/schemas";
import { startSelfTest } from "@/lib/sip-accounts/self-test/start-self-test";
import { listSelfTests } from "@/lib/sip-accounts/self-test/view";

type Params = { spaceId: string; accountId: string };

export const GET = withSpaceRoute<Params>(async ({ ctx, params }) => Response.json(await listSelfTests(ctx, params.accountId)));

export const POST = withSpaceRoute<Params>(
  async ({ ctx, params, request }) => {
    const body = await parseBody(request, startSelfTestInput);
    if (!body.ok) return body.response;
    return Response.json(await startSelfTest(ctx, params.accountId, body.data), { status: 202 });
  },
  { idempotent: true },
);
