// GET: the Space's agents. POST: create one (201; 409 when the name is taken).
// Session auth; the Space comes from the URL via withSpaceRoute.
import { parseOr422, readJsonBody, withSpaceRoute } from "@/lib/api/with-space-route";
import { createAgent, listAgents } from "@/lib/agents/agent-service";
import { createAgentFieldsFromRest } from "@/lib/agents/rest-input";
import { agentInput, agentRestFields } from "@/lib/agents/schemas";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listAgents(ctx) }));

export const POST = withSpaceRoute(async ({ ctx, request }) => {
  const body = await readJsonBody(request, agentRestFields);
  if (!body.ok) return body.response;
  const input = parseOr422(agentInput, createAgentFieldsFromRest(body.body));
  if (!input.ok) return input.response;
  return Response.json(await createAgent(ctx, input.data), { status: 201 });
});
