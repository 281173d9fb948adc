import "server-only";
import { randomBytes } from "node:crypto";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { dialOutbound, endCallRoom, waitForParticipantGone } from "@/lib/livekit/calls";
import { isLiveKitConfigured } from "@/lib/livekit/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { addEvent, callInclude, moveCall, toCallView, type CallView } from "./repository";
import { TELEPHONY_NOT_CONFIGURED, type PlaceCallInput } from "./schemas";
import { durationSeconds, failureReasonFor, statusFromSipCode } from "./status";

// Place a call: queue it in PostgreSQL, then dispatch it in the background (room with the
// agent dispatched, SIP participant through the from-number's account outbound trunk). The
// answer to the caller is the queued (or refused) call; the status moves on from there.

export async function placeCall(ctx: SpaceContext, input: PlaceCallInput): Promise<CallView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can place calls.");
  const number = await db().phoneNumber.findFirst({
    where: { spaceId: ctx.spaceId, liveE164: input.from },
    include: { sipAccount: { select: { id: true, sipServerAddress: true, outboundTrunkId: true, deletedAt: true } } },
  });
  if (!number) throw new ValidationError("Choose a number bound in this Space.", { from: ["Choose a number bound in this Space."] });
  const account = number.sipAccount;
  if (!account.sipServerAddress) {
    throw new ValidationError("This number's SIP account has no SIP server address, so it cannot place calls.", {
      from: ["This number's SIP account has no SIP server address, so it cannot place calls. Add one on the account first."],
    });
  }
  let agentId = input.agentId ?? number.outboundAgentId;
  if (input.agentId) {
    const agent = await db().agent.findFirst({ where: { id: input.agentId, spaceId: ctx.spaceId }, select: { id: true } });
    if (!agent) throw new ValidationError("Choose an agent of this Space.", { agentId: ["Choose an agent of this Space."] });
    agentId = agent.id;
  }

  const call = await db().call.create({
    data: { spaceId: ctx.spaceId, direction: "outbound", fromNumber: input.from, toNumber: input.to, phoneNumberId: number.id, sipAccountId: account.id, agentId },
  });
  await addEvent(call.id, "status:queued", `Queued by ${ctx.apiKeyId ? "an API key" : "a member"}`);

  if (!isLiveKitConfigured()) {
    await db().call.update({ where: { id: call.id }, data: { failureReason: TELEPHONY_NOT_CONFIGURED } });
    await addEvent(call.id, "not_dispatched", TELEPHONY_NOT_CONFIGURED);
  } else if (!account.outboundTrunkId) {
    await moveCall(call.id, "failed", { failureReason: "The account's outbound trunk is not provisioned. Run Verify or Reprovision on the account.", endedAt: new Date() });
  } else {
    const roomName = `call-${call.id}`;
    const participantIdentity = `sip-out-${call.id}-${randomBytes(4).toString("hex")}`;
    await db().call.update({ where: { id: call.id }, data: { roomName, participantIdentity } });
    const metadata = JSON.stringify({
      direction: "outbound",
      callId: call.id,
      spaceId: ctx.spaceId,
      accountId: account.id,
      phoneNumberId: number.id,
      number: input.from,
      to: input.to,
      agentId,
    });
    // Runs after the answer; failures are recorded on the call, never thrown at the caller.
    void dispatch(call.id, { roomName, participantIdentity, outboundTrunkId: account.outboundTrunkId, to: input.to, from: input.from, agentName: serverEnv().AGENT_NAME, agentMetadata: metadata }).catch(
      (err: unknown) => console.error("[calls] dispatch crashed", { callId: call.id, err }),
    );
  }
  return toCallView(await db().call.findUniqueOrThrow({ where: { id: call.id }, include: callInclude }));
}

type Dial = Parameters<typeof dialOutbound>[0];

async function dispatch(callId: string, dial: Dial): Promise<void> {
  const outcome = await dialOutbound(dial, async (step) => {
    if (step === "dialing") await moveCall(callId, "dialing", { startedAt: new Date() }, `Dialling ${dial.to}`);
  });
  if (outcome.kind === "answered") {
    const answeredAt = new Date();
    await moveCall(callId, "in_progress", { answeredAt, sipStatusCode: 200 }, "Answered");
    await waitForParticipantGone(dial.roomName, dial.participantIdentity);
    await completeCall(callId, "The call ended.");
    await endCallRoom(dial.roomName);
    return;
  }
  const endedAt = new Date();
  if (outcome.kind === "sip_failed") {
    const status = statusFromSipCode(outcome.sipStatusCode);
    await moveCall(callId, status, { sipStatusCode: outcome.sipStatusCode ?? null, failureReason: failureReasonFor(outcome.sipStatusCode), endedAt }, outcome.sipStatusCode ? `SIP ${outcome.sipStatusCode}` : undefined);
  } else {
    const reason = outcome.kind === "unreachable" ? "LiveKit was not reachable or too busy, so the call was not placed. Try again in a moment." : "LiveKit refused to place the call. Check the account with Verify.";
    await moveCall(callId, "failed", { failureReason: reason, endedAt });
  }
  await endCallRoom(dial.roomName);
}

/** Completes an answered call with its duration (no-op unless it is in progress). */
export async function completeCall(callId: string, detail: string, endedAt = new Date()): Promise<void> {
  const row = await db().call.findUnique({ where: { id: callId }, select: { answeredAt: true } });
  if (!row) return;
  await moveCall(callId, "completed", { endedAt, durationSeconds: durationSeconds(row.answeredAt, endedAt) }, detail);
}
