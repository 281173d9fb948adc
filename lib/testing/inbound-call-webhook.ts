import { randomBytes } from "node:crypto";
import type { CallWebhook } from "@/lib/livekit/call-webhooks";

/** Test-only: LiveKit's webhook for an inbound SIP caller joining a new room, on `trunkId`, for `to`. */
export function inboundJoinedWebhook(to: string, trunkId: string, caller = "+15550100150"): CallWebhook {
  const room = `in-${randomBytes(6).toString("hex")}`;
  return {
    event: "participant_joined",
    roomName: room,
    roomMetadata: null,
    participant: { identity: `sip-${room}`, isSip: true, attributes: { "sip.trunkPhoneNumber": to, "sip.phoneNumber": caller, "sip.trunkID": trunkId, "sip.callStatus": "ringing" }, joinedAt: new Date(), disconnectReason: null },
    at: new Date(),
  };
}
