import { moveCall } from "@/lib/calls/move-call";
import { failureReasonFor, statusFromSipCode } from "@/lib/calls/status";
import { db } from "@/lib/db/client";
import type { IpMode } from "@/lib/net/ipv4";
import { outboundHostRefusal } from "@/lib/sip-accounts/host-ownership/trust";
import { createCallRoom, dialIntoRoom, endCallRoom, readCallParticipant } from "@/lib/livekit/calls";
import type { ClaimedCall } from "./claim-call";
import { retryDecision } from "./retry";
import { requeueCall } from "./requeue";

// Dials a claimed call and follows it until it is answered or has failed: the room with the
// agent dispatched, then the SIP participant through the account's outbound trunk, while the
// participant's sip.callStatus is read to show "ringing". The call's lease is renewed
// meanwhile, so no other dispatcher takes it over; once answered, LiveKit's webhooks (and
// reconciliation as the fallback) carry it to its end.

export type DialSettings = { agentName: string; ringingTimeoutSeconds: number; leaseSeconds: number; mode: IpMode };

// How often a dialling call's SIP participant is looked at: until it is in the room, to give
// back the call's start slot; then to show "ringing". Each look is a LiveKit request, ~2 ms of
// this process's CPU at rest and ~4 ms under the bench's load, plus ~2 ms of livekit-server's
// (bench/calls-dispatch.ts, CPU from /proc).
// At 100 ms, then 300 ms, a call cost ~1.5 looks, most finding nothing new (most calls are
// answered within a few hundred ms); at these it is ~0.5 with one dispatcher.
const STARTING_POLL_MS = 250;
const PRESENT_POLL_MS = 500;
const UNREACHABLE_RETRY_MS = 5000;

/**
 * `takeStartSlot` waits for a start slot and returns its release, called once the call's SIP
 * participant is in the room (ringing calls hold no start slot) or the dial has ended. The
 * lease is renewed from the claim on, the wait for the slot included.
 */
export async function dialCall(call: ClaimedCall, settings: DialSettings, takeStartSlot: () => Promise<() => void>): Promise<void> {
  const renew = setInterval(() => void extendLease(call.id, settings.leaseSeconds), (settings.leaseSeconds * 1000) / 3);
  let started = () => {};
  try {
    started = await takeStartSlot();
    await dial(call, settings, started);
  } finally {
    started();
    clearInterval(renew);
  }
}

async function dial(call: ClaimedCall, settings: DialSettings, started: () => void): Promise<void> {
  const metadata = JSON.stringify({
    direction: "outbound",
    callId: call.id,
    spaceId: call.spaceId,
    accountId: call.accountId,
    phoneNumberId: call.phoneNumberId,
    number: call.from,
    to: call.to,
    agentId: call.agentId,
    variables: call.variables ?? {},
  });
  const refusal = await hostRefusalAtDial(call, settings.mode);
  if (refusal) {
    await moveCall(call.id, "failed", { failureReason: refusal, endedAt: new Date(), leaseUntil: null });
    return;
  }
  try {
    // A self-test's outbound leg has no agent: the console is its caller, and a second agent there would only load the worker.
    await createCallRoom({ roomName: call.roomName, agentName: call.selfTest ? null : settings.agentName, agentMetadata: metadata });
  } catch (err) {
    // No room, so no INVITE: safe to dial later.
    console.error("[dispatcher] could not create the call's room", { callId: call.id, err: (err as Error).message });
    await requeueCall(call.id, new Date(Date.now() + UNREACHABLE_RETRY_MS), "LiveKit was unreachable; the call waits and is dialled again shortly.", { waitReason: "LiveKit was unreachable; dialling again shortly." }, false);
    return;
  }
  // From here on an INVITE may leave: the room's name tells reconciliation so.
  await db().call.update({ where: { id: call.id }, data: { roomName: call.roomName } });

  const watch = watchRinging(call, started);
  const outcome = await dialIntoRoom({
    roomName: call.roomName,
    participantIdentity: call.participantIdentity,
    outboundTrunkId: call.outboundTrunkId,
    to: call.to,
    from: call.from,
    agentName: settings.agentName,
    agentMetadata: metadata,
    ringingTimeoutSeconds: settings.ringingTimeoutSeconds,
  });
  watch.stop();

  if (outcome.kind === "answered") {
    await moveCall(call.id, "in_progress", { answeredAt: outcome.answeredAt, sipStatusCode: 200, leaseUntil: null }, "Answered");
    return;
  }
  if (outcome.kind === "unknown") {
    // LiveKit did not answer in time: the call may be up. Give it to reconciliation now.
    await db().call.updateMany({ where: { id: call.id }, data: { leaseUntil: new Date() } });
    return;
  }
  const endedAt = new Date();
  if (outcome.kind === "sip_failed") {
    const status = statusFromSipCode(outcome.sipStatusCode);
    const reason = failureReasonFor(outcome.sipStatusCode);
    const retry = retryDecision(call.retryPolicy, call.attempt, status);
    if (retry) {
      await requeueCall(call.id, new Date(Date.now() + retry.delayMs), `Attempt ${call.attempt}: ${reason} (SIP ${outcome.sipStatusCode ?? "?"}). Dialling again in ${retry.delayMs / 1000} s.`, {
        sipStatusCode: outcome.sipStatusCode ?? null,
        failureReason: reason,
      });
    } else {
      await moveCall(call.id, status, { sipStatusCode: outcome.sipStatusCode ?? null, failureReason: reason, endedAt, leaseUntil: null }, outcome.sipStatusCode ? `SIP ${outcome.sipStatusCode}` : undefined);
    }
  } else if (outcome.kind === "unreachable") {
    await endCallRoom(call.roomName);
    await requeueCall(call.id, new Date(Date.now() + UNREACHABLE_RETRY_MS), "LiveKit was unreachable or too busy before dialling; the call waits and is dialled again shortly.", { waitReason: "LiveKit was unreachable; dialling again shortly." }, false);
    return;
  } else {
    await moveCall(call.id, "failed", { failureReason: "LiveKit refused to place the call. Check the account with Verify.", endedAt, leaseUntil: null });
  }
  await endCallRoom(call.roomName);
}

/**
 * The address policy and host ownership, asked again at the moment of dialling (production
 * only): DNS may point elsewhere than when the call was placed, and an approval may have been
 * voided since (lib/sip-accounts/host-ownership).
 */
async function hostRefusalAtDial(call: ClaimedCall, mode: IpMode): Promise<string | null> {
  if (mode === "local") return null;
  const account = await db().sipAccount.findUnique({ where: { id: call.accountId }, select: { id: true, spaceId: true, sipServerAddress: true, outboundUsername: true } });
  return account ? outboundHostRefusal(account, mode) : "The call's SIP account no longer exists.";
}

/** Shows "ringing" once the callee's phone rings (180/183): LiveKit posts no webhook for it. */
function watchRinging(call: ClaimedCall, started: () => void): { stop: () => void } {
  let stopped = false;
  let present = false;
  void (async () => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, present ? PRESENT_POLL_MS : STARTING_POLL_MS));
      if (stopped) return;
      const state = await readCallParticipant(call.roomName, call.participantIdentity);
      present = state.kind === "present";
      if (present) started();
      if (state.kind === "present" && state.callStatus === "ringing") {
        await moveCall(call.id, "ringing", {}, "Ringing (180/183 from the PBX)");
        return;
      }
      if (state.kind === "present" && state.callStatus === "active") return;
    }
  })().catch((err: unknown) => console.error("[dispatcher] ringing watch failed", { callId: call.id, err }));
  return { stop: () => (stopped = true) };
}

async function extendLease(callId: string, leaseSeconds: number): Promise<void> {
  try {
    await db().call.updateMany({ where: { id: callId, status: { in: ["dialing", "ringing"] } }, data: { leaseUntil: new Date(Date.now() + leaseSeconds * 1000) } });
  } catch (err) {
    console.error("[dispatcher] could not renew a call's lease", { callId, err: (err as Error).message });
  }
}
