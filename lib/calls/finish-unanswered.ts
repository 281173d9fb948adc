import { moveCall } from "./move-call";

// An outbound call that ended before the answer while no dispatcher was waiting on its dial
// (the dispatcher died mid-ring): LiveKit's own words for why its SIP participant left are
// all that is left, so the SIP code is the one livekit-sip maps to that reason.

export type LeaveReason = "hangup" | "rejected" | "unavailable" | "other" | null;

export async function finishUnanswered(callId: string, reason: LeaveReason, endedAt = new Date()): Promise<boolean> {
  const detail = "Ended while the dispatcher was restarting: outcome taken from LiveKit.";
  switch (reason) {
    case "rejected":
      return moveCall(callId, "busy", { endedAt, sipStatusCode: 486, failureReason: "The destination was busy or declined the call.", leaseUntil: null }, detail);
    case "unavailable":
    case "hangup":
      // livekit-sip ends a call that rang out (its CANCEL, 487) or was unavailable (480) this way.
      return moveCall(callId, "no_answer", { endedAt, sipStatusCode: reason === "unavailable" ? 480 : 487, failureReason: "The destination did not answer.", leaseUntil: null }, detail);
    default:
      return moveCall(callId, "failed", { endedAt, failureReason: "The call ended before it was answered; its SIP code was lost while the dispatcher restarted.", leaseUntil: null }, detail);
  }
}
