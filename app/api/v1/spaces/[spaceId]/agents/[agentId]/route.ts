// GET one agent, PATCH it (absent fields keep their values), DELETE it (409 naming the
// numbers while any number uses it). API key or session; Space from the URL; another Space's id is a 404.
import { parseBody, parseOr422, withSpaceRoute } from "@/lib/api/with-space-route";
import { deleteAgent, getAgent, updateAgent } from "@/lib/agents/agent-service";
import { editAgentFieldsFromRest, updateAgentBody } from "@/lib/agents/rest-input";
import { agentInput } from "@/lib/agents/schemas";

type P = { spaceId: string; agentId: string };

export const GET = withSpaceRoute<P>(async ({ ctx, params }) => Response.json(await getAgent(ctx, params.agentId)));

export const PATCH = withSpaceRoute<P>(async ({ ctx, params, request }) => {
  const body = await parseBody(request, updateAgentBody);
  if (!body.ok) return body.response;
  const current = await getAgent(ctx, params.agentId);
  const input = parseOr422(agentInput, editAgentFieldsFromRest(body.raw, current));
  if (!input.ok) return input.response;
  return Response.json(await updateAgent(ctx, params.agentId, input.data));
});

export const DELETE = withSpaceRoute<P>(
  async ({ ctx, params }) => {
    await deleteAgent(ctx, params.agentId);
    return new Response(null, { status: 204 });
  },
  { noBody: true },
);
