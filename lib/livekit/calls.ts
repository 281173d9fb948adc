import "server-only";
import { ParticipantInfo_Kind, RoomAgentDispatch } from "@livekit/protocol";
import { RoomServiceClient, ServerError, SipCallError, SipClient, WebhookReceiver } from "livekit-server-sdk";
import { liveKitFromEnv, unconfiguredClient } from "./client";
import { callLiveKit, isNetworkError } from "./errors";

// Call verbs over LiveKit: a fresh room with the agent dispatched, an outbound SIP
// participant through an account's outbound trunk, and signed webhooks. Speaks in our own
// types; LiveKit's error text never leaves this file except as a `cause` for the server log.

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
  ringingTimeoutSeconds?: number;
};

export type DialOutcome =
  | { kind: "answered" }
  /** The destination or PBX answered the INVITE with a final error response. */
  | { kind: "sip_failed"; sipStatusCode: number | undefined }
  /** LiveKit itself could not be reached or refused the request. */
  | { kind: "unreachable" }
  | { kind: "rejected" };

const DIAL_ATTEMPTS = 5;

function isBusyLiveKit(err: unknown): boolean {
  return err instanceof ServerError && !(err instanceof SipCallError) && (err.status === 503 || err.code === "unavailable" || err.code === "resource_exhausted");
}

function clients(): { rooms: RoomServiceClient; sip: SipClient } {
  const config = liveKitFromEnv();
  if (!config) return { rooms: unconfiguredClient<RoomServiceClient>(), sip: unconfiguredClient<SipClient>() };
  return {
    rooms: new RoomServiceClient(config.url, config.apiKey, config.apiSecret),
    sip: new SipClient(config.url, config.apiKey, config.apiSecret),
  };
}

/** Creates the call's room (agent dispatched on creation), then dials and waits for the answer. */
export async function dialOutbound(dial: OutboundDial, onProgress: (step: "room_created" | "dialing") => Promise<void>): Promise<DialOutcome> {
  const { rooms, sip } = clients();
  try {
    await callLiveKit("create the call's room", () =>
      rooms.createRoom({
        name: dial.roomName,
        emptyTimeout: 30,
        departureTimeout: 5,
        agents: [new RoomAgentDispatch({ agentName: dial.agentName, metadata: dial.agentMetadata })],
      }),
    );
    await onProgress("room_created");
    await onProgress("dialing");
    // livekit-sip answers 503 "unavailable" while it is short of CPU: no INVITE was sent, so
    // dialling again a little later is safe (the same identity: no participant was created).
    for (let attempt = 1; ; attempt++) {
      try {
        await sip.createSipParticipant(dial.outboundTrunkId, dial.to, dial.roomName, {
          participantIdentity: dial.participantIdentity,
          participantName: dial.to,
          fromNumber: dial.from,
          waitUntilAnswered: true,
          ringingTimeout: dial.ringingTimeoutSeconds ?? 30,
        });
        return { kind: "answered" };
      } catch (err) {
        if (attempt >= DIAL_ATTEMPTS || !isBusyLiveKit(err)) throw err;
        console.warn("[calls] livekit-sip unavailable, dialling again", { room: dial.roomName, attempt });
        await new Promise((r) => setTimeout(r, 2000 * attempt));
      }
    }
  } catch (err) {
    const cause = err instanceof Error && err.cause !== undefined ? err.cause : err;
    if (cause instanceof SipCallError || err instanceof SipCallError) {
      const e = (cause instanceof SipCallError ? cause : err) as SipCallError;
      console.error("[calls] dial failed", { room: dial.roomName, sipStatusCode: e.sipStatusCode, message: e.message });
      return { kind: "sip_failed", sipStatusCode: e.sipStatusCode };
    }
    console.error("[calls] dial failed", { room: dial.roomName, err });
    if (isNetworkError(err) || isBusyLiveKit(err) || (err as { kind?: string }).kind === "unreachable") return { kind: "unreachable" };
    return { kind: "rejected" };
  }
}

/** Ends a call by deleting its room (best effort). */
export async function endCallRoom(roomName: string): Promise<void> {
  try {
    await clients().rooms.deleteRoom(roomName);
  } catch (err) {
    console.error("[calls] could not delete room", { roomName, err });
  }
}

export type CallWebhook = {
  /** livekit-server posts no event for attribute changes: an answer comes from the worker (lib/calls/answered). */
  event: "participant_joined" | "participant_left" | "room_finished" | "other";
  roomName: string | null;
  /** The room's metadata (JSON we or a dispatch rule wrote), when the event names it. */
  roomMetadata: string | null;
  participant: { identity: string; isSip: boolean; attributes: Record<string, string>; joinedAt: Date | null } | null;
  createdAt: Date;
};

/** Verifies a webhook's signature (Authorization header) and reduces it to what calls need; null when not signed by our key. */
export async function receiveCallWebhook(body: string, authHeader: string | null): Promise<CallWebhook | null> {
  const config = liveKitFromEnv();
  // No LiveKit configured: nothing can be signed by our key.
  if (!config) return null;
  const receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  let ev;
  try {
    ev = await receiver.receive(body, authHeader ?? undefined);
  } catch {
    return null;
  }
  const known = ["participant_joined", "participant_left", "room_finished"] as const;
  const event = (known as readonly string[]).includes(ev.event) ? (ev.event as CallWebhook["event"]) : "other";
  const p = ev.participant;
  return {
    event,
    roomName: ev.room?.name ?? null,
    roomMetadata: ev.room?.metadata || null,
    participant: p
      ? { identity: p.identity, isSip: p.kind === ParticipantInfo_Kind.SIP, attributes: { ...p.attributes }, joinedAt: p.joinedAt ? new Date(Number(p.joinedAt) * 1000) : null }
      : null,
    createdAt: ev.createdAt ? new Date(Number(ev.createdAt) * 1000) : new Date(),
  };
}

/**
 * Waits until the SIP participant has left (or hangs up, or its room is gone), polling the
 * room. The completion path when webhooks are not configured; webhooks usually win the race.
 */
export async function waitForParticipantGone(roomName: string, identity: string, opts: { intervalMs?: number; maxSeconds?: number } = {}): Promise<void> {
  const { rooms } = clients();
  const deadline = Date.now() + (opts.maxSeconds ?? 3600) * 1000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
    try {
      const ps = await rooms.listParticipants(roomName);
      const p = ps.find((x) => x.identity === identity);
      if (!p || p.attributes["sip.callStatus"] === "hangup") return;
    } catch (err) {
      if (isNetworkError(err)) continue;
      return; // the room is gone
    }
  }
}
