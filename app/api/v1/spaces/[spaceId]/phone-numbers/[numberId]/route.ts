// GET one bound number, PATCH its label and agents (absent = keep, null = clear), DELETE to
// unbind it (503 and still bound when LiveKit is down). API key or session; Space from the
// URL; another Space's id is a 404.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { savedButUnavailable } from "@/lib/api/problem";
import { getPhoneNumber } from "@/lib/phone-numbers/repository";
import { editFieldsFromRest, updatePhoneNumberBody } from "@/lib/phone-numbers/rest-input";
import { updatePhoneNumberInput } from "@/lib/phone-numbers/schemas";
import { unbindPhoneNumber } from "@/lib/phone-numbers/unbind-phone-number";
import { updatePhoneNumber } from "@/lib/phone-numbers/update-phone-number";

type P = { spaceId: string; numberId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getPhoneNumber(ctx, params.numberId)));

export const PATCH = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, updatePhoneNumberBody);
  if (!body.ok) return body.response;
  const current = await getPhoneNumber(ctx, params.numberId);
  const input = parseOr422(updatePhoneNumberInput, editFieldsFromRest(body.raw, current));
  if (!input.ok) return input.response;
  const result = await updatePhoneNumber(ctx, params.numberId, input.data);
  if (result.provisioningFailed) return savedButUnavailable(result.number.provisioning.reason ?? undefined, { phoneNumber: result.number });
  return Response.json(result.number);
});

export const DELETE = withSpaceRoute<P>(
  async ({ ctx, params }) => {
    await unbindPhoneNumber(ctx, params.numberId);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
