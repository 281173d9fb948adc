// POST: livekit-sip refused an INVITE the edge forwarded (digest failed, no agent answered);
// the edge reports it (form-encoded, `to` is the matched E.164 number, plus sipCode) so the
// operator sees it. 204. Auth: the edge's token.
import { problem } from "@/lib/api/problem";
import { parseRefusedForm, withEdgeRoute } from "@/lib/edge/edge-route";
import { recordUpstreamRefusal } from "@/lib/edge/refusals";

export const dynamic = "force-dynamic";

export const POST = withEdgeRoute(async ({ request }) => {
  const report = parseRefusedForm(await request.text());
  if (!report) return problem(400, "Bad request", { detail: "Expected the edge's refusal form." });
  await recordUpstreamRefusal({ ...report, matchedNumber: report.calledNumber });
  return new Response(null, { status: 204 });
});
