import "server-only";
import { DisconnectReason, ParticipantInfo_Kind } from "@livekit/protocol";
import { WebhookReceiver } from "livekit-server-sdk";
import { liveKitFromEnv } from "./client";

// LiveKit's signed webhooks, verified and reduced to what the call log needs.

export type CallWebhook = {
  /** LiveKit's event id (replays are dropped by it); absent when an event carries none. */
  id?: string;
  /** livekit-server posts no event for attribute changes: an answer comes from the worker (lib/calls/answered). */
  event: "participant_joined" | "participant_left" | "room_finished" | "other";
  roomName: string | null;
  /** The room's metadata (JSON we or a dispatch rule wrote), when the event names it. */
  roomMetadata: string | null;
  participant: {
    identity: string;
    isSip: boolean;
    attributes: Record<string, string>;
    joinedAt: Date | null;
    /** Why it left (livekit-sip maps busy/declined to "rejected", no answer to "unavailable"). */
    disconnectReason: "hangup" | "rejected" | "unavailable" | "other" | null;
  } | null;
  /**
   * When it happened. LiveKit's own timestamp has whole-second resolution, so a webhook that
   * arrives within 2 s of it is dated by its arrival (to the millisecond) instead.
   */
  at: Date;
};

function reasonOf(r: DisconnectReason | undefined): NonNullable<CallWebhook["participant"]>["disconnectReason"] {
  switch (r) {
    case undefined:
    case DisconnectReason.UNKNOWN_REASON:
      return null;
    case DisconnectReason.CLIENT_INITIATED:
      return "hangup";
    case DisconnectReason.USER_REJECTED:
      return "rejected";
    case DisconnectReason.USER_UNAVAILABLE:
      return "unavailable";
    default:
      return "other";
  }
}

/**
 * The event's time: its arrival when that is within 2 s of LiveKit's whole-second stamp;
 * otherwise (delivered late, e.g. retried while the console was down) the middle of the
 * stamp's second, which is never more than 0.5 s off.
 */
export function webhookTime(createdAtSeconds: number | undefined, receivedAt: Date): Date {
  if (!createdAtSeconds) return receivedAt;
  const created = createdAtSeconds * 1000;
  const lag = receivedAt.getTime() - created;
  return lag >= -1000 && lag < 2000 ? receivedAt : new Date(created + 500);
}

/** Verifies a webhook's signature (Authorization header) and reduces it; null when not signed by our key. */
export async function receiveCallWebhook(body: string, authHeader: string | null, receivedAt = new Date()): Promise<CallWebhook | null> {
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
    ...(ev.id ? { id: ev.id } : {}),
    event,
    roomName: ev.room?.name ?? null,
    roomMetadata: ev.room?.metadata || null,
    participant: p
      ? {
          identity: p.identity,
          isSip: p.kind === ParticipantInfo_Kind.SIP,
          attributes: { ...p.attributes },
          joinedAt: p.joinedAtMs ? new Date(Number(p.joinedAtMs)) : p.joinedAt ? new Date(Number(p.joinedAt) * 1000) : null,
          disconnectReason: reasonOf(p.disconnectReason),
        }
      : null,
    at: webhookTime(ev.createdAt ? Number(ev.createdAt) : undefined, receivedAt),
  };
}
