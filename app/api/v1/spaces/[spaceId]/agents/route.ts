// GET: the Space's agents. POST: create one (201; 409 when the name is taken; Idempotency-Key
// honoured). API key or session; the Space comes from the URL via withSpaceRoute.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { createAgent, listAgents } from "@/lib/agents/agent-service";
import { createAgentBody, createAgentFieldsFromRest } from "@/lib/agents/rest-input";
import { agentInput } from "@/lib/agents/schemas";

export const GET = withSpaceRoute(async ({ ctx }) => Response.json({ items: await listAgents(ctx) }));

export const POST = withSpaceRoute(
  async ({ ctx, request }) => {
    const body = await parseBody(request, createAgentBody);
    if (!body.ok) return body.response;
    const input = parseOr422(agentInput, createAgentFieldsFromRest(body.raw));
    if (!input.ok) return input.response;
    return Response.json(await createAgent(ctx, input.data), { status: 201 });
  },
  { idempotent: true },
);
