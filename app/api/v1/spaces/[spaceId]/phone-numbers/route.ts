// GET: the Space's bound numbers (?q= number digits or label, ?cursor=, ?limit=). POST: bind
// one (201; 409 when bound anywhere else; 202 with a pending claim when another Space held it
// unverified for 72 hours; 503 when saved but LiveKit was left behind; Idempotency-Key
// honoured). API key or session; Space from the URL.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { savedButUnavailable } from "@/lib/api/problem";
import { bindOrClaimPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import { bindFieldsFromRest, bindPhoneNumberBody } from "@/lib/phone-numbers/rest-input";
import { bindPhoneNumberInput, listPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";

export const GET = withSpaceRoute(async ({ ctx, request }) => {
  const query = parseOr422(listPhoneNumbersQuery, Object.fromEntries(new URL(request.url).searchParams));
  if (!query.ok) return query.response;
  return Response.json(await listPhoneNumbers(ctx, query.data));
});

export const POST = withSpaceRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, bindPhoneNumberBody);
    if (!body.ok) return body.response;
    const input = parseOr422(bindPhoneNumberInput, bindFieldsFromRest(body.raw));
    if (!input.ok) return input.response;
    const result = await bindOrClaimPhoneNumber(ctx, input.data);
    if ("claim" in result) return Response.json(result, { status: 202 });
    if (result.provisioningFailed) return savedButUnavailable(result.number.provisioning.reason ?? undefined, { phoneNumber: result.number });
    return Response.json(result.number, { status: 201 });
  },
  { idempotent: true },
);
