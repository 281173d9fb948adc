import "server-only";
import { db, isUniqueViolation } from "@/lib/db/client";
import type { CallWebhook } from "@/lib/livekit/call-webhooks";
import { verifyNumberByInboundCall } from "@/lib/phone-numbers/ownership";
import { recordHostProofFromInboundCall } from "@/lib/sip-accounts/host-ownership/record-proof";
import { emitCallStatusEvent } from "./call-webhook-events";
import { completeCall } from "./complete-call";
import { finishUnanswered } from "./finish-unanswered";
import { moveCall } from "./move-call";
import { addEvent } from "./repository";
import { statusFromSipCallStatus } from "./status";

// Signed LiveKit webhooks (verified in lib/livekit) update calls: an outbound call is found
// by its room; an inbound call is created when its SIP participant joins a room and the
// participant's sip.trunkPhoneNumber is a live number; a SIP participant leaving (or the room
// finishing) completes an answered call with its duration.

const E164 = /^\+[1-9]\d{1,14}$/;

async function callForRoom(roomName: string) {
  return db().call.findUnique({ where: { roomName }, select: { id: true, direction: true, status: true, participantIdentity: true, leaseUntil: true } });
}

type InboundTarget = { spaceId: string; toNumber: string; phoneNumberId: string | null; sipAccountId: string | null; agentId: string | null };

/** Whom an inbound call is for: a live bound number, else an agent's SIP registration (by its trunk). */
async function inboundTarget(attributes: Record<string, string>): Promise<InboundTarget | null> {
  const dialled = attributes["sip.trunkPhoneNumber"];
  if (dialled && E164.test(dialled)) {
    const number = await db().phoneNumber.findFirst({ where: { liveE164: dialled }, select: { id: true, spaceId: true, sipAccountId: true, inboundAgentId: true } });
    if (number) return { spaceId: number.spaceId, toNumber: dialled, phoneNumberId: number.id, sipAccountId: number.sipAccountId, agentId: number.inboundAgentId };
  }
  const trunkId = attributes["sip.trunkID"];
  if (!trunkId) return null;
  const registration = await db().agentSipRegistration.findFirst({ where: { inboundTrunkId: trunkId }, select: { spaceId: true, agentId: true, did: true, username: true, domain: true } });
  if (!registration) return null;
  // Without a DID the call log names the extension the PBX rang.
  const toNumber = registration.did ?? `${registration.username}@${registration.domain}`.slice(0, 64);
  return { spaceId: registration.spaceId, toNumber, phoneNumberId: null, sipAccountId: null, agentId: registration.agentId };
}

async function createInbound(ev: CallWebhook, roomName: string): Promise<string | null> {
  const p = ev.participant!;
  const target = await inboundTarget(p.attributes);
  if (!target) return null;
  const caller = p.attributes["sip.phoneNumber"] ?? "unknown";
  try {
    const call = await db().$transaction(async (tx) => {
      const created = await tx.call.create({
        data: {
          spaceId: target.spaceId,
          direction: "inbound",
          fromNumber: caller.slice(0, 64),
          toNumber: target.toNumber,
          phoneNumberId: target.phoneNumberId,
          sipAccountId: target.sipAccountId,
          agentId: target.agentId,
          status: "ringing",
          roomName,
          participantIdentity: p.identity,
          startedAt: p.joinedAt ?? ev.at,
        },
      });
      await tx.callEvent.create({ data: { callId: created.id, kind: "status:ringing", detail: `Inbound call from ${caller}` } });
      await recordHostProofFromInboundCall(tx, target, ev.at);
      await emitCallStatusEvent(tx, created, "ringing");
      await verifyNumberByInboundCall(tx, target, p.attributes["sip.trunkID"], created.startedAt ?? ev.at);
      return created;
    });
    return call.id;
  } catch (err) {
    if (isUniqueViolation(err, ["roomName"])) return (await callForRoom(roomName))?.id ?? null;
    throw err;
  }
}

type Call = NonNullable<Awaited<ReturnType<typeof callForRoom>>>;

async function onLeft(call: Call, ev: CallWebhook, why: string): Promise<void> {
  if (call.status === "in_progress") {
    await completeCall(call.id, why, ev.at);
  } else if (call.direction === "inbound") {
    await moveCall(call.id, "failed", { endedAt: ev.at, failureReason: "The caller hung up before the call was answered." });
  } else if (!call.leaseUntil || call.leaseUntil.getTime() < Date.now()) {
    // Outbound before the answer: the dispatcher that dials it records the SIP code. When no
    // live dispatcher holds the call any more (it died mid-ring), this leave is all we get.
    await finishUnanswered(call.id, ev.participant?.disconnectReason ?? null, ev.at);
  }
}

export async function applyCallWebhook(ev: CallWebhook): Promise<void> {
  if (!ev.roomName || ev.event === "other") return;
  let call = await callForRoom(ev.roomName);
  const p = ev.participant;

  if (ev.event === "room_finished") {
    if (!call) return;
    await addEvent(call.id, "room_finished");
    await onLeft(call, ev, "The call ended.");
    return;
  }
  if (!p?.isSip) return;
  if (!call && ev.event === "participant_joined") {
    const id = await createInbound(ev, ev.roomName);
    if (id) call = await callForRoom(ev.roomName);
  }
  if (!call) return;
  if (call.participantIdentity && call.participantIdentity !== p.identity) return;
  const detail = ev.event === "participant_left" ? (p.disconnectReason ? `left: ${p.disconnectReason}` : null) : p.attributes["sip.callStatus"] ? `sip.callStatus ${p.attributes["sip.callStatus"]}` : null;
  await addEvent(call.id, ev.event, detail);

  if (ev.event === "participant_left") {
    await onLeft(call, ev, p.disconnectReason === "hangup" ? "The call was hung up." : "The call ended.");
    return;
  }
  const next = statusFromSipCallStatus(p.attributes["sip.callStatus"]);
  if (next === "in_progress") await moveCall(call.id, "in_progress", { answeredAt: ev.at, ...(call.direction === "inbound" ? {} : { sipStatusCode: 200 }) }, "Answered");
  else if (next) await moveCall(call.id, next);
}
