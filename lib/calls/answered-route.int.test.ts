import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/internal/calls/answered/route";
import { applyCallWebhook } from "@/lib/calls/webhooks";
import { db } from "@/lib/db/client";
import type { CallWebhook } from "@/lib/livekit/call-webhooks";

// An inbound call's life in the call log as the console sees it, against the real database:
// the SIP participant's join webhook makes it ringing, the agent worker's answer report
// (POST /api/internal/calls/answered) makes it in progress, and the participant's leave
// webhook completes it with its duration. Without the report the same leave would read
// "hung up before the call was answered", since LiveKit sends no webhook for the answer.

const token = randomBytes(32).toString("base64url");
process.env.WORKER_INTERNAL_TOKEN = token;

const suffix = randomBytes(4).toString("hex");
const number = `+1415${String(Date.now() % 10_000_000).padStart(7, "2")}`;
let spaceId = "";

beforeAll(async () => {
  spaceId = (await db().space.create({ data: { name: `answered-${suffix}` } })).id;
  const account = await db().sipAccount.create({
    data: { spaceId, name: "PBX", liveNameKey: `pbx-${suffix}`, destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  await db().phoneNumber.create({ data: { spaceId, sipAccountId: account.id, e164: number, liveE164: number } });
});

afterAll(async () => {
  await db().space.deleteMany({ where: { id: spaceId } });
});

function sipEvent(event: CallWebhook["event"], room: string, identity: string, callStatus: string, at: Date): CallWebhook {
  return {
    event,
    roomName: room,
    roomMetadata: null,
    participant: { identity, isSip: true, attributes: { "sip.trunkPhoneNumber": number, "sip.phoneNumber": "+15550100999", "sip.callStatus": callStatus }, joinedAt: at, disconnectReason: event === "participant_left" ? "hangup" : null },
    at,
  };
}

function report(body: unknown, authorization: string | null = `Bearer ${token}`) {
  const request = new Request("http://127.0.0.1/api/internal/calls/answered", {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({}) });
}

const callOf = (roomName: string) => db().call.findUniqueOrThrow({ where: { roomName }, include: { events: { orderBy: { at: "asc" } } } });

describe("an inbound call: join webhook, the worker's answer report, leave webhook", () => {
  it("ends completed with its duration when the worker reported the answer", async () => {
    const room = `call_+15550100999_${suffix}a`;
    const identity = "sip_+15550100999";
    const joined = new Date(Date.now() - 12_000);
    await applyCallWebhook(sipEvent("participant_joined", room, identity, "ringing", joined));
    expect((await callOf(room)).status).toBe("ringing");

    const answeredBefore = Date.now();
    expect((await report({ roomName: room, participantIdentity: identity })).status).toBe(204);
    const answered = await callOf(room);
    expect(answered.status).toBe("in_progress");
    expect(answered.answeredAt!.getTime()).toBeGreaterThanOrEqual(answeredBefore);
    // Reported twice (a retry): still one answer.
    expect((await report({ roomName: room, participantIdentity: identity })).status).toBe(204);
    // A late join webhook does not move it back to ringing.
    await applyCallWebhook(sipEvent("participant_joined", room, identity, "ringing", joined));
    expect((await callOf(room)).status).toBe("in_progress");

    const left = new Date(answered.answeredAt!.getTime() + 7_400);
    await applyCallWebhook(sipEvent("participant_left", room, identity, "hangup", left));
    const done = await callOf(room);
    expect(done).toMatchObject({ status: "completed", durationSeconds: 7, failureReason: null, direction: "inbound", toNumber: number });
    expect(done.events.filter((e) => e.kind.startsWith("status:")).map((e) => e.kind)).toEqual(["status:ringing", "status:in_progress", "status:completed"]);
  });

  it("without the report the same leave reads as hung up before the answer (the control)", async () => {
    const room = `call_+15550100999_${suffix}b`;
    await applyCallWebhook(sipEvent("participant_joined", room, "sip_+15550100999", "ringing", new Date()));
    await applyCallWebhook(sipEvent("participant_left", room, "sip_+15550100999", "hangup", new Date()));
    expect(await callOf(room)).toMatchObject({ status: "failed", durationSeconds: null, failureReason: "The caller hung up before the call was answered." });
  });

  it("refuses without the worker's token, a malformed report, another participant and an unknown room", async () => {
    const room = `call_+15550100999_${suffix}c`;
    await applyCallWebhook(sipEvent("participant_joined", room, "sip_+15550100999", "ringing", new Date()));
    expect((await report({ roomName: room, participantIdentity: "sip_+15550100999" }, null)).status).toBe(401);
    expect((await report({ roomName: room, participantIdentity: "sip_+15550100999" }, `Bearer ${token}x`)).status).toBe(401);
    expect((await report({ roomName: room })).status).toBe(400);
    expect((await report({ roomName: room, participantIdentity: "sip_+15550100999", status: "completed" })).status).toBe(400);
    expect((await report({ roomName: room, participantIdentity: "agent-AJ_x" })).status).toBe(404);
    expect((await report({ roomName: `${room}-nope`, participantIdentity: "sip_+15550100999" })).status).toBe(404);
    expect((await callOf(room)).status).toBe("ringing");
  });
});
