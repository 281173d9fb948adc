// GET one account, PATCH it (absent password = keep, null = clear, string = replace),
// DELETE it. Session auth; Space from the URL; another Space's id is a 404.
import { parseOr422, readJsonBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { problem } from "@/lib/api/problem";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import { getSipAccount } from "@/lib/sip-accounts/list-sip-accounts";
import { editFieldsFromRest, sipAccountRestFields } from "@/lib/sip-accounts/rest-input";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { updateSipAccount } from "@/lib/sip-accounts/update-sip-account";

type P = { spaceId: string; accountId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getSipAccount(ctx, params.accountId)));

export const PATCH = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await readJsonBody(request, sipAccountRestFields);
  if (!body.ok) return body.response;
  const current = await getSipAccount(ctx, params.accountId);
  const input = parseOr422(sipAccountSchemas().updateSipAccountInput, editFieldsFromRest(body.body, current));
  if (!input.ok) return input.response;
  const result = await updateSipAccount(ctx, params.accountId, input.data);
  if (result.provisioningFailed) {
    return problem(503, "Saved, but LiveKit is unavailable", { detail: result.account.provisioning.reason ?? undefined, account: result.account });
  }
  return Response.json(result.account);
});

export const DELETE = withSpaceRoute<P>(async ({ ctx, params }) => {
  await deleteSipAccount(ctx, params.accountId);
  return new Response(null, { status: 204 });
});
