// An agent's SIP registration on the customer's PBX (seed 002): PUT saves and enables it
// (password required the first time; omitted afterwards keeps the stored one), GET answers
// its status, DELETE unregisters it. API key or session; another Space's agent is a 404.
import { parseOr422, readJsonBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { deleteRegistration, getRegistration, saveRegistration } from "@/lib/sip-registrations/registration-service";
import { registrationInput, registrationRestBody } from "@/lib/sip-registrations/schemas";

type P = { spaceId: string; agentId: string };

const FIELDS = Object.keys(registrationRestBody.shape);

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getRegistration(ctx, params.agentId)));

export const PUT = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await readJsonBody(request, FIELDS);
  if (!body.ok) return body.response;
  const { password, ...fields } = body.body;
  // Empty strings are unset (seed): an absent or empty password keeps the stored one.
  const passwordChange = password === undefined || password === null || password === "" ? { state: "untouched" } : { state: "new", value: password };
  const input = parseOr422(registrationInput, { ...fields, password: passwordChange });
  if (!input.ok) return input.response;
  return Response.json(await saveRegistration(ctx, params.agentId, input.data));
});

export const DELETE = withSpaceRoute<P>(
  async ({ ctx, params }) => {
    await deleteRegistration(ctx, params.agentId);
    return new Response(null, { status: 202 });
  },
  { noBody: true },
);
