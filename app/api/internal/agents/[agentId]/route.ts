// GET: one agent's settings for the agent worker, which loads them when a call comes in.
// Auth: the worker's bearer token (WORKER_INTERNAL_TOKEN), no session; the Space is the one
// the number's job metadata names (?spaceId=), and another Space's agent is the same 404.
import { getAgent } from "@/lib/agents/agent-service";
import { problem } from "@/lib/api/problem";
import { withWorkerRoute, workerSpaceContext } from "@/lib/worker-auth/worker-token";

export const dynamic = "force-dynamic";

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export const GET = withWorkerRoute<{ agentId: string }>(async ({ params, request }) => {
  const spaceId = new URL(request.url).searchParams.get("spaceId");
  if (!spaceId || !ID.test(spaceId)) return problem(400, "Bad request", { detail: "spaceId is required." });
  if (!ID.test(params.agentId)) return problem(404, "Not found", { detail: "No such resource." });
  const a = await getAgent(workerSpaceContext(spaceId), params.agentId);
  // Exactly what agent-worker/agent-settings.ts parses; nothing about the Space or its users.
  const agent = { id: a.id, name: a.name, greeting: a.greeting, instructions: a.instructions, language: a.language, voice: a.voice, sttProvider: a.sttProvider, llmProvider: a.llmProvider, ttsProvider: a.ttsProvider, endCallEnabled: a.endCallEnabled, maxCallSeconds: a.maxCallSeconds, silenceTimeoutSeconds: a.silenceTimeoutSeconds, transferDestinations: a.transferDestinations.map((d) => d.name) };
  return Response.json({ agent }, { headers: { "cache-control": "no-store" } });
});
