import "server-only";
import { db, isUniqueViolation } from "@/lib/db/client";
import type { CallWebhook } from "@/lib/livekit/calls";
import { completeCall } from "./place-call";
import { addEvent, moveCall } from "./repository";
import { statusFromSipCallStatus } from "./status";

// Signed LiveKit webhooks (verified in lib/livekit) update calls: an outbound call is found
// by its room; an inbound call is created when its SIP participant joins a room and the
// participant's sip.trunkPhoneNumber is a live number; a SIP participant leaving (or the room
// finishing) completes an answered call with its duration.

const E164 = /^\+[1-9]\d{1,14}$/;

async function callForRoom(roomName: string) {
  return db().call.findUnique({ where: { roomName }, select: { id: true, direction: true, status: true, participantIdentity: true } });
}

async function createInbound(ev: CallWebhook, roomName: string): Promise<string | null> {
  const p = ev.participant!;
  const dialled = p.attributes["sip.trunkPhoneNumber"];
  if (!dialled || !E164.test(dialled)) return null;
  const number = await db().phoneNumber.findFirst({ where: { liveE164: dialled }, select: { id: true, spaceId: true, sipAccountId: true, inboundAgentId: true } });
  if (!number) return null;
  const caller = p.attributes["sip.phoneNumber"] ?? "unknown";
  try {
    const call = await db().call.create({
      data: {
        spaceId: number.spaceId,
        direction: "inbound",
        fromNumber: caller.slice(0, 64),
        toNumber: dialled,
        phoneNumberId: number.id,
        sipAccountId: number.sipAccountId,
        agentId: number.inboundAgentId,
        status: "ringing",
        roomName,
        participantIdentity: p.identity,
        startedAt: p.joinedAt ?? ev.createdAt,
      },
    });
    await addEvent(call.id, "status:ringing", `Inbound call from ${caller}`);
    return call.id;
  } catch (err) {
    if (isUniqueViolation(err, ["roomName"])) return (await callForRoom(roomName))?.id ?? null;
    throw err;
  }
}

export async function applyCallWebhook(ev: CallWebhook): Promise<void> {
  if (!ev.roomName || ev.event === "other") return;
  let call = await callForRoom(ev.roomName);
  const p = ev.participant;

  if (ev.event === "room_finished") {
    if (!call) return;
    await addEvent(call.id, "room_finished");
    if (call.status === "in_progress") await completeCall(call.id, "The room finished.", ev.createdAt);
    else if (call.direction === "inbound") await moveCall(call.id, "failed", { endedAt: ev.createdAt, failureReason: "The caller hung up before the call was answered." });
    return;
  }
  if (!p?.isSip) return;
  if (!call && ev.event === "participant_joined") {
    const id = await createInbound(ev, ev.roomName);
    if (id) call = await callForRoom(ev.roomName);
  }
  if (!call) return;
  if (call.participantIdentity && call.participantIdentity !== p.identity) return;
  await addEvent(call.id, ev.event, p.attributes["sip.callStatus"] ? `sip.callStatus ${p.attributes["sip.callStatus"]}` : null);

  if (ev.event === "participant_left") {
    if (call.status === "in_progress") await completeCall(call.id, "The SIP participant left.", ev.createdAt);
    else if (call.direction === "inbound") await moveCall(call.id, "failed", { endedAt: ev.createdAt, failureReason: "The caller hung up before the call was answered." });
    // Outbound before the answer: the dispatcher records the SIP status.
    return;
  }
  const next = statusFromSipCallStatus(p.attributes["sip.callStatus"]);
  if (next === "in_progress") await moveCall(call.id, "in_progress", { answeredAt: ev.createdAt, ...(call.direction === "inbound" ? {} : { sipStatusCode: 200 }) }, "Answered");
  else if (next) await moveCall(call.id, next);
}
