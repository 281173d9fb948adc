// POST: the agent worker asks for its call to be transferred to one of its agent's named
// destinations (cold, SIP REFER through the caller's PBX). Auth: the worker's bearer token.
// 200 {outcome: transferred|failed, detail} once the PBX answered; 404 for no live call of
// that room, or no such destination on the call's agent.
import { problem } from "@/lib/api/problem";
import { transferCall, transferRequest } from "@/lib/calls/transfer-call";
import { withWorkerRoute } from "@/lib/worker-auth/worker-token";

export const dynamic = "force-dynamic";

export const POST = withWorkerRoute(async ({ request }) => {
  const parsed = transferRequest.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return problem(400, "Bad request", { detail: "Expected {roomName, participantIdentity, destination}." });
  const result = await transferCall(parsed.data);
  if (result.outcome === "unknown_call") return problem(404, "Not found", { detail: "No call in progress has this room and SIP participant." });
  if (result.outcome === "unknown_destination") return problem(404, "Not found", { detail: "The call's agent has no transfer destination of that name." });
  return Response.json(result);
});
