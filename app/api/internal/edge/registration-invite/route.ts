// POST: the SIP edge asks where an INVITE to an agent's registered contact goes (form-encoded:
// contact, from, sourceIp, transport, callId). Answers "forward;<To user>;<X-Dest-User>" or
// "refuse;<code>;<reason>". Auth: the edge's token.
import { problem } from "@/lib/api/problem";
import { edgeReply, withEdgeRoute } from "@/lib/edge/edge-route";
import { routeRegisteredContact } from "@/lib/sip-registrations/registrar-report";

export const dynamic = "force-dynamic";

export const POST = withEdgeRoute(async ({ request }) => {
  const decision = await routeRegisteredContact(await request.text());
  if (!decision) return problem(400, "Bad request", { detail: "Expected the edge's INVITE form." });
  return decision.action === "forward" ? edgeReply(["forward", decision.calledUser, decision.xDestUser]) : edgeReply(["refuse", decision.sipCode, decision.reason]);
});
