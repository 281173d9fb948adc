// GET: the Space's numbers in BYOC form (?q=, ?cursor=, ?limit= as the numbers list). POST:
// connect a carrier's number (201; 409 bound elsewhere; 503 saved but LiveKit left behind;
// Idempotency-Key honoured). API key only; the Space is the key's.
import { savedButUnavailable } from "@/lib/api/problem";
import { withKeyRoute } from "@/lib/api/with-key-route";
import { parseBody, parseOr422 } from "@/lib/api/with-space-route";
import { createByocNumber } from "@/lib/byoc/create-byoc-number";
import { listByocNumbers } from "@/lib/byoc/list-byoc-numbers";
import { byocSchemas } from "@/lib/byoc/server-schemas";
import { listPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";

export const GET = withKeyRoute(async ({ ctx, request }) => {
  const query = parseOr422(listPhoneNumbersQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json(await listByocNumbers(ctx, query.data));
});

export const POST = withKeyRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, byocSchemas().createByocNumberBody);
    if (!body.ok) return body.response;
    const result = await createByocNumber(ctx, body.data);
    if (result.provisioningFailed) return savedButUnavailable(result.number.provisioning.reason ?? undefined, { phoneNumber: result.number });
    return Response.json(result.number, { status: 201 });
  },
  { idempotent: true },
);
