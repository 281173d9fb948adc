// POST: the SIP edge reports a registrar's final reply to one of its REGISTERs (form-encoded:
// uuid, code, reason, authSent, requestedExpires, expiresHeader, contact). Auth: the edge's token.
import { problem } from "@/lib/api/problem";
import { withEdgeRoute } from "@/lib/edge/edge-route";
import { recordRegistrarReply } from "@/lib/sip-registrations/registrar-report";

export const dynamic = "force-dynamic";

export const POST = withEdgeRoute(async ({ request }) => {
  const ok = await recordRegistrarReply(await request.text());
  return ok ? new Response("ok", { headers: { "content-type": "text/plain" } }) : problem(400, "Bad request", { detail: "Expected the edge's registration reply form." });
});
