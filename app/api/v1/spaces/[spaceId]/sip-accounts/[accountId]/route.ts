// GET one account, PATCH it (absent password = keep, null = clear, string = replace),
// DELETE it. API key or session; Space from the URL; another Space's id is a 404.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { savedButUnavailable } from "@/lib/api/problem";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import { getSipAccount } from "@/lib/sip-accounts/list-sip-accounts";
import { editFieldsFromRest } from "@/lib/sip-accounts/rest-input";
import { sipAccountRestSchemas, sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { updateSipAccount } from "@/lib/sip-accounts/update-sip-account";

type P = { spaceId: string; accountId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getSipAccount(ctx, params.accountId)));

export const PATCH = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, sipAccountRestSchemas().updateSipAccountBody);
  if (!body.ok) return body.response;
  const current = await getSipAccount(ctx, params.accountId);
  const input = parseOr422(sipAccountSchemas().updateSipAccountInput, editFieldsFromRest(body.raw, current));
  if (!input.ok) return input.response;
  const result = await updateSipAccount(ctx, params.accountId, input.data);
  if (result.provisioningFailed) return savedButUnavailable(result.account.provisioning.reason ?? undefined, { account: result.account });
  return Response.json(result.account);
});

export const DELETE = withSpaceRoute<P>(
  async ({ ctx, params }) => {
    await deleteSipAccount(ctx, params.accountId);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
