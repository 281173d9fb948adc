// GET one number in BYOC form, PUT its agents, friendlyName and its account's terminationUri
// and credentials (absent = keep), DELETE it (with its account's trunks when it was the last
// number). API key only; the Space is the key's; another Space's number is a 404.
import { savedButUnavailable } from "@/lib/api/problem";
import { withKeyRoute } from "@/lib/api/with-key-route";
import { parseBody } from "@/lib/api/with-space-route";
import { deleteByocNumber } from "@/lib/byoc/delete-byoc-number";
import { findByocNumber, getByocNumber } from "@/lib/byoc/repository";
import { byocSchemas } from "@/lib/byoc/server-schemas";
import { updateByocNumber } from "@/lib/byoc/update-byoc-number";

type P = { phoneNumber: string };

export const GET = withKeyRoute<P>(async ({ ctx, params }) => Response.json(await getByocNumber(ctx, (await findByocNumber(ctx, params.phoneNumber)).e164)));

export const PUT = withKeyRoute<P>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, byocSchemas().updateByocNumberBody);
  if (!body.ok) return body.response;
  const result = await updateByocNumber(ctx, params.phoneNumber, body.data);
  if (result.provisioningFailed) return savedButUnavailable(result.number.provisioning.reason ?? undefined, { phoneNumber: result.number });
  return Response.json(result.number);
});

export const DELETE = withKeyRoute<P>(
  async ({ ctx, params }) => {
    await deleteByocNumber(ctx, params.phoneNumber);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
