// POST: the agent worker reports that the SIP participant of its room answered
// (sip.callStatus "active"), which LiveKit's webhooks never say. Auth: the worker's bearer
// token. 204 when recorded or already known, 404 when no call has that room yet.
import { z } from "zod";
import { problem } from "@/lib/api/problem";
import { recordAnswer } from "@/lib/calls/answered";
import { withWorkerRoute } from "@/lib/worker-auth/worker-token";

export const dynamic = "force-dynamic";

// Room names and SIP identities LiveKit makes, e.g. call_+15550100999_Ab12Cd and sip_+15550100999.
const NAME = /^[A-Za-z0-9_.:+@-]{1,128}$/;
const answerReport = z.strictObject({
  roomName: z.string().regex(NAME),
  participantIdentity: z.string().regex(NAME),
  /** When the worker saw the answer; a report may arrive late (retries), the answer time must not. */
  answeredAt: z.iso.datetime({ offset: true }).optional(),
});

export const POST = withWorkerRoute(async ({ request }) => {
  const parsed = answerReport.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return problem(400, "Bad request", { detail: "Expected {roomName, participantIdentity}." });
  const { answeredAt, ...report } = parsed.data;
  const outcome = await recordAnswer(report, answeredAt ? new Date(answeredAt) : undefined);
  if (outcome === "unknown") return problem(404, "Not found", { detail: "No call has this room and SIP participant yet." });
  return new Response(null, { status: 204 });
});
