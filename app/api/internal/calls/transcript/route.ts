// POST: the agent worker reports turns of its call's transcript (caller and agent speech, key
// presses). Auth: the worker's bearer token. 204 when stored (or the Space keeps none), 404
// when no call has that room yet (the worker retries).
import { problem } from "@/lib/api/problem";
import { recordTranscriptTurns } from "@/lib/calls/transcripts/record-turns";
import { transcriptReport } from "@/lib/calls/transcripts/schemas";
import { withWorkerRoute } from "@/lib/worker-auth/worker-token";

export const dynamic = "force-dynamic";

export const POST = withWorkerRoute(async ({ request }) => {
  const parsed = transcriptReport.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return problem(400, "Bad request", { detail: "Expected {roomName, participantIdentity, turns: [{seq, speaker, kind, text, at, interrupted}]}." });
  const outcome = await recordTranscriptTurns(parsed.data);
  if (outcome === "unknown") return problem(404, "Not found", { detail: "No call has this room and SIP participant yet." });
  return new Response(null, { status: 204 });
});
