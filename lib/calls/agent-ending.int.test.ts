import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/internal/calls/ending/route";
import { db } from "@/lib/db/client";
import { completeCall } from "./complete-call";

// The worker's "I am hanging up, and why" against the real database: the reason lands on the
// call and its timeline, and the hang-up that follows completes the call with it instead of
// "the caller hung up".

const token = randomBytes(32).toString("base64url");
process.env.WORKER_INTERNAL_TOKEN = token;
const suffix = randomBytes(4).toString("hex");
const identity = "sip_+15550100999";
let spaceId = "";

afterAll(async () => {
  if (spaceId) await db().space.deleteMany({ where: { id: spaceId } });
});

function report(body: unknown) {
  const request = new Request("http://127.0.0.1/api/internal/calls/ending", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return POST(request, { params: Promise.resolve({}) });
}

describe("the agent's end reason", () => {
  it("is recorded before the hang-up and kept when the call completes", async () => {
    spaceId = (await db().space.create({ data: { name: `ending-${suffix}` } })).id;
    const roomName = `call_ending_${suffix}`;
    const call = await db().call.create({
      data: { spaceId, direction: "inbound", fromNumber: "+15550100999", toNumber: "+14155550100", status: "in_progress", roomName, participantIdentity: identity, answeredAt: new Date(Date.now() - 8000) },
    });
    expect((await report({ roomName, participantIdentity: identity, reason: "max_duration", seconds: 8 })).status).toBe(204);
    await completeCall(call.id, "The caller hung up.");
    const row = await db().call.findUniqueOrThrow({ where: { id: call.id }, include: { events: { orderBy: { at: "asc" } } } });
    expect(row.status).toBe("completed");
    expect(row.endReason).toBe("The call reached the agent's maximum duration of 8 seconds.");
    expect(row.events.map((e) => [e.kind, e.detail])).toEqual([
      ["ended_by_agent", "The call reached the agent's maximum duration of 8 seconds."],
      ["status:completed", "The call reached the agent's maximum duration of 8 seconds."],
    ]);
    // Over: a late report changes nothing.
    expect((await report({ roomName, participantIdentity: identity, reason: "silence", seconds: 4 })).status).toBe(404);
    expect((await report({ roomName, participantIdentity: identity, reason: "nap" })).status).toBe(400);
  });
});
