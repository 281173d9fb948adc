import "server-only";
import { z } from "zod";
import { findDestination, transferUri, type TransferDestination } from "@/lib/agents/transfer-destinations";
import { db } from "@/lib/db/client";
import { transferCallParticipant, type TransferOutcome } from "@/lib/livekit/transfer";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { callEventData } from "./call-webhook-events";

// The agent asks for its call to be transferred to one of its named destinations (its LLM's
// transfer tool; offline, the caller's 0 key). The console looks the destination up on the
// call's agent (the worker never names an address), asks LiveKit for the cold transfer (REFER
// through the caller's PBX), and records the outcome on the timeline, the call's end reason
// and a webhook event (call.transferred / call.transfer_failed).

const NAME = /^[A-Za-z0-9_.:+@-]{1,128}$/;

export const transferRequest = z.strictObject({
  roomName: z.string().regex(NAME),
  participantIdentity: z.string().regex(NAME),
  destination: z.string().trim().min(1).max(40),
});
export type TransferRequest = z.output<typeof transferRequest>;

export type TransferResult =
  | { outcome: "unknown_call" }
  | { outcome: "unknown_destination" }
  | { outcome: "transferred"; detail: string }
  | { outcome: "failed"; detail: string };

function failureWords(outcome: Exclude<TransferOutcome, { kind: "transferred" }>): string {
  switch (outcome.kind) {
    case "refused":
      return outcome.sipStatusCode ? `the PBX refused it (SIP ${outcome.sipStatusCode})` : "the PBX refused it";
    case "unreachable":
      return "LiveKit could not be reached";
    case "failed":
      return "LiveKit could not transfer the call";
  }
}

export async function transferCall(request: TransferRequest): Promise<TransferResult> {
  const call = await db().call.findUnique({
    where: { roomName: request.roomName },
    select: { id: true, spaceId: true, status: true, participantIdentity: true, agent: { select: { transferDestinations: true } } },
  });
  if (!call || call.status !== "in_progress" || (call.participantIdentity !== null && call.participantIdentity !== request.participantIdentity)) return { outcome: "unknown_call" };
  const destination = findDestination((call.agent?.transferDestinations ?? []) as TransferDestination[], request.destination);
  if (!destination) return { outcome: "unknown_destination" };
  const to = `${destination.name} (${destination.target})`;

  const outcome = await transferCallParticipant(request.roomName, request.participantIdentity, transferUri(destination.target));
  const ok = outcome.kind === "transferred";
  const detail = ok ? `Transferred to ${to}: the PBX accepted the REFER and connected the call (NOTIFY 200).` : `Transfer to ${to} failed: ${failureWords(outcome)}. The agent stays on the call.`;
  await db().$transaction(async (tx) => {
    if (ok) await tx.call.update({ where: { id: call.id }, data: { endReason: `Transferred to ${to}.` } });
    await tx.callEvent.create({ data: { callId: call.id, kind: ok ? "transferred" : "transfer_failed", detail } });
    const row = await tx.call.findUniqueOrThrow({ where: { id: call.id } });
    await emitWebhookEvent(tx, {
      spaceId: call.spaceId,
      type: ok ? "call.transferred" : "call.transfer_failed",
      orderingKey: `call:${call.id}`,
      data: { ...callEventData(row), transfer: { destination: destination.name, target: destination.target, outcome: ok ? "transferred" : "failed", sipStatusCode: outcome.kind === "refused" ? (outcome.sipStatusCode ?? null) : null, detail } },
    });
  });
  return ok ? { outcome: "transferred", detail } : { outcome: "failed", detail };
}
