// POST: the agent worker is about to hang up its call itself and says why (end_call tool,
// maximum duration, silence timeout). Auth: the worker's bearer token. 204 when recorded,
// 404 when no live call has that room and SIP participant.
import { problem } from "@/lib/api/problem";
import { agentEndingReport, recordAgentEnding } from "@/lib/calls/agent-ending";
import { withWorkerRoute } from "@/lib/worker-auth/worker-token";

export const dynamic = "force-dynamic";

export const POST = withWorkerRoute(async ({ request }) => {
  const parsed = agentEndingReport.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return problem(400, "Bad request", { detail: "Expected {roomName, participantIdentity, reason: end_call_tool|max_duration|silence, seconds?}." });
  if ((await recordAgentEnding(parsed.data)) === "unknown") return problem(404, "Not found", { detail: "No live call has this room and SIP participant." });
  return new Response(null, { status: 204 });
});
