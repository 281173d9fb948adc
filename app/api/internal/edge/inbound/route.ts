// POST: the SIP edge asks how to route a new inbound INVITE (form-encoded: to, from,
// sourceIp, transport, hasCredentials, callId). Answers "forward;<E.164>" or
// "refuse;<code>;<reason>"; refusals are recorded for the operator. Auth: the edge's token.
import { problem } from "@/lib/api/problem";
import { edgeReply, parseInviteForm, withEdgeRoute } from "@/lib/edge/edge-route";
import { routeInbound } from "@/lib/edge/route-inbound";

export const dynamic = "force-dynamic";

export const POST = withEdgeRoute(async ({ request }) => {
  const invite = parseInviteForm(await request.text());
  if (!invite) return problem(400, "Bad request", { detail: "Expected the edge's INVITE form." });
  const decision = await routeInbound(invite);
  return decision.action === "forward" ? edgeReply(["forward", decision.e164]) : edgeReply(["refuse", decision.sipCode, decision.reason]);
});
