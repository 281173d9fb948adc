// GET: the Space's Custom SIP accounts. POST: create one (201; 503 when saved but LiveKit
// was unreachable; Idempotency-Key honoured). API key or session; Space from the URL.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { savedButUnavailable } from "@/lib/api/problem";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { listSipAccounts } from "@/lib/sip-accounts/list-sip-accounts";
import { createFieldsFromRest } from "@/lib/sip-accounts/rest-input";
import { sipAccountRestSchemas, sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listSipAccounts(ctx) }));

export const POST = withSpaceRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, sipAccountRestSchemas().createSipAccountBody);
    if (!body.ok) return body.response;
    const input = parseOr422(sipAccountSchemas().createSipAccountInput, createFieldsFromRest(body.raw));
    if (!input.ok) return input.response;
    const result = await createSipAccount(ctx, input.data);
    if (result.provisioningFailed) {
      return savedButUnavailable(result.account.provisioning.reason ?? "The trunks were not created. The console retries by itself until LiveKit is back.", { account: result.account });
    }
    return Response.json(result.account, { status: 201 });
  },
  { idempotent: true },
);
