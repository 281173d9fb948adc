import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalAgentResponseSchema } from "@/agent-worker/agent-settings";
import { GET } from "@/app/api/internal/agents/[agentId]/route";
import { db } from "@/lib/db/client";

// The console's internal agent endpoint against the real database: the worker's token is
// required, the agent is looked up in the Space the job metadata names only, and the body is
// exactly what the worker parses (its own schema, imported from agent-worker/).

const token = randomBytes(32).toString("base64url");
process.env.WORKER_INTERNAL_TOKEN = token;

let spaceA = "";
let spaceB = "";
let agentId = "";

beforeAll(async () => {
  const suffix = randomBytes(4).toString("hex");
  spaceA = (await db().space.create({ data: { name: `worker-api-a-${suffix}` } })).id;
  spaceB = (await db().space.create({ data: { name: `worker-api-b-${suffix}` } })).id;
  agentId = (
    await db().agent.create({
      data: { spaceId: spaceA, name: "Front desk", nameKey: "front desk", greeting: "Hello from the front desk.", instructions: "Be brief.", language: "en-GB", voice: null, sttProvider: "offline", llmProvider: "openai-compatible", ttsProvider: "elevenlabs" },
    })
  ).id;
});

afterAll(async () => {
  await db().space.deleteMany({ where: { id: { in: [spaceA, spaceB] } } });
});

function get(id: string, query: string, authorization?: string) {
  const request = new Request(`http://127.0.0.1/api/internal/agents/${id}${query}`, { headers: authorization ? { authorization } : {} });
  return GET(request, { params: Promise.resolve({ agentId: id }) });
}

describe("GET /api/internal/agents/[agentId]", () => {
  it("answers the worker with the agent's settings, in the shape the worker parses", async () => {
    const res = await get(agentId, `?spaceId=${spaceA}`, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body: unknown = await res.json();
    expect(internalAgentResponseSchema.parse(body)).toEqual({
      agent: {
        id: agentId, name: "Front desk", greeting: "Hello from the front desk.", instructions: "Be brief.", language: "en-GB", voice: null, sttProvider: "offline", llmProvider: "openai-compatible", ttsProvider: "elevenlabs",
        // How the agent ends and hands over calls (an agent's defaults: the end-call tool on, no limits, no destinations).
        endCallEnabled: true, maxCallSeconds: null, silenceTimeoutSeconds: null, transferDestinations: [],
      },
    });
    expect(Object.keys((body as { agent: object }).agent)).not.toContain("spaceId");
  });

  it("is 401 without the token or with another one", async () => {
    expect((await get(agentId, `?spaceId=${spaceA}`)).status).toBe(401);
    expect((await get(agentId, `?spaceId=${spaceA}`, `Bearer ${token.slice(0, -1)}x`)).status).toBe(401);
    expect((await get(agentId, `?spaceId=${spaceA}`, token)).status).toBe(401);
  });

  it("finds the agent only in its own Space: another Space, an unknown id or no Space is refused", async () => {
    expect((await get(agentId, `?spaceId=${spaceB}`, `Bearer ${token}`)).status).toBe(404);
    expect((await get("nope", `?spaceId=${spaceA}`, `Bearer ${token}`)).status).toBe(404);
    expect((await get(agentId, "", `Bearer ${token}`)).status).toBe(400);
    expect((await get(agentId, "?spaceId=a%20b", `Bearer ${token}`)).status).toBe(400);
  });
});
