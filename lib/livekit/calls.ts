import "server-only";
import { RoomAgentDispatch } from "@livekit/protocol";
import { RoomServiceClient, ServerError, SipCallError, SipClient } from "livekit-server-sdk";
import { liveKitFromEnv, unconfiguredClient } from "./client";
import { isNetworkError } from "./errors";

// Call verbs over LiveKit for the dispatcher: a fresh room with the agent dispatched, an
// outbound SIP participant through an account's outbound trunk, reading a call's SIP
// participant back (reconciliation), and hanging up. Speaks in our own types; LiveKit's
// error text never leaves this file except to the server log.

export type OutboundDial = {
  roomName: string;
  participantIdentity: string;
  outboundTrunkId: string;
  /** E.164 destination. */
  to: string;
  /** E.164 caller ID (a number on the trunk). */
  from: string;
  agentName: string;
  /** JSON the worker reads as ctx.job.metadata. */
  agentMetadata: string;
  ringingTimeoutSeconds: number;
};

export type DialOutcome =
  | { kind: "answered"; answeredAt: Date }
  /** The destination or PBX answered with a final error (or rang past the timeout: 408). */
  | { kind: "sip_failed"; sipStatusCode: number | undefined }
  /** LiveKit could not be reached or was too busy: no INVITE was sent. */
  | { kind: "unreachable" }
  /** LiveKit took the request but did not answer in time: the call may be up or not. */
  | { kind: "unknown" }
  | { kind: "rejected" };

const BUSY_RETRIES = 5;

function isBusyLiveKit(err: unknown): boolean {
  return err instanceof ServerError && !(err instanceof SipCallError) && (err.status === 503 || err.code === "unavailable" || err.code === "resource_exhausted");
}

function clients(requestTimeoutSeconds = 10): { rooms: RoomServiceClient; sip: SipClient } {
  const config = liveKitFromEnv();
  if (!config) return { rooms: unconfiguredClient<RoomServiceClient>(), sip: unconfiguredClient<SipClient>() };
  const options = { requestTimeout: requestTimeoutSeconds, failover: false };
  return {
    rooms: new RoomServiceClient(config.url, config.apiKey, config.apiSecret, options),
    sip: new SipClient(config.url, config.apiKey, config.apiSecret, options),
  };
}

/**
 * Creates the call's room with the agent dispatched on creation (none when `agentName` is
 * null: a self-test's outbound leg). Throws when LiveKit refuses.
 */
export async function createCallRoom(dial: Pick<OutboundDial, "roomName" | "agentMetadata"> & { agentName: string | null }): Promise<void> {
  await clients().rooms.createRoom({
    name: dial.roomName,
    emptyTimeout: 30,
    departureTimeout: 5,
    agents: dial.agentName === null ? [] : [new RoomAgentDispatch({ agentName: dial.agentName, metadata: dial.agentMetadata })],
  });
}

/**
 * Dials through the outbound trunk into an existing room and waits for the answer (or the
 * final failure). The answer time is taken when LiveKit reports the call active.
 */
export async function dialIntoRoom(dial: OutboundDial): Promise<DialOutcome> {
  // The request waits for the answer: give it the ringing time and some room on top.
  const { sip } = clients(dial.ringingTimeoutSeconds + 20);
  const startedAt = Date.now();
  try {
    // livekit-sip answers 503 "unavailable" while it is short of CPU: no INVITE was sent, so
    // dialling again a little later is safe (the same identity: no participant was created).
    for (let attempt = 1; ; attempt++) {
      try {
        await sip.createSipParticipant(dial.outboundTrunkId, dial.to, dial.roomName, {
          participantIdentity: dial.participantIdentity,
          participantName: dial.to,
          fromNumber: dial.from,
          waitUntilAnswered: true,
          ringingTimeout: dial.ringingTimeoutSeconds,
        });
        return { kind: "answered", answeredAt: new Date() };
      } catch (err) {
        if (attempt >= BUSY_RETRIES || !isBusyLiveKit(err)) throw err;
        console.warn("[calls] livekit-sip unavailable, dialling again", { room: dial.roomName, attempt });
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  } catch (err) {
    return dialFailure(dial.roomName, err, Date.now() - startedAt >= dial.ringingTimeoutSeconds * 1000 - 1500);
  }
}

function dialFailure(roomName: string, err: unknown, rangOut: boolean): DialOutcome {
  const cause = err instanceof Error && err.cause instanceof SipCallError ? err.cause : err;
  if (cause instanceof SipCallError) {
    console.error("[calls] dial failed", { room: roomName, sipStatusCode: cause.sipStatusCode });
    return { kind: "sip_failed", sipStatusCode: cause.sipStatusCode };
  }
  // Rang past the ringing timeout: LiveKit sent CANCEL and answers twirp "canceled" (HTTP
  // 408, "sip request timed out") rather than a SipCallError. The same answer sooner means
  // LiveKit gave up for a reason of its own: whether the call went out is then unknown.
  if (err instanceof ServerError && (err.code === "canceled" || err.code === "deadline_exceeded") && err.status === 408) {
    console.error("[calls] dial timed out", { room: roomName, rangOut });
    return rangOut ? { kind: "sip_failed", sipStatusCode: 408 } : { kind: "unknown" };
  }
  console.error("[calls] dial failed", { room: roomName, err });
  if (err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError")) return { kind: "unknown" };
  if (isNetworkError(err) || isBusyLiveKit(err) || (err as { kind?: string }).kind === "unreachable") return { kind: "unreachable" };
  return { kind: "rejected" };
}

export type CallParticipantState =
  /** LiveKit could not be asked: decide nothing. */
  | { kind: "unknown" }
  | { kind: "no_room" }
  | { kind: "no_participant" }
  | { kind: "present"; callStatus: string | undefined };

/** Where a call's SIP participant stands in LiveKit right now. */
export async function readCallParticipant(roomName: string, identity: string | null): Promise<CallParticipantState> {
  const { rooms } = clients();
  try {
    // One request: listing a room that does not exist answers not_found.
    const ps = await rooms.listParticipants(roomName);
    const p = ps.find((x) => (identity ? x.identity === identity : x.attributes["sip.callID"] !== undefined));
    return p ? { kind: "present", callStatus: p.attributes["sip.callStatus"] } : { kind: "no_participant" };
  } catch (err) {
    if (err instanceof ServerError && err.code === "not_found") return { kind: "no_room" };
    console.error("[calls] could not read the call's participant", { roomName, err: isNetworkError(err) ? "unreachable" : err });
    return { kind: "unknown" };
  }
}

/** Ends a call by deleting its room (best effort). */
export async function endCallRoom(roomName: string): Promise<void> {
  try {
    await clients().rooms.deleteRoom(roomName);
  } catch (err) {
    if (err instanceof ServerError && err.code === "not_found") return;
    console.error("[calls] could not delete room", { roomName, err });
  }
}
