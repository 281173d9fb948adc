import "server-only";
import { db } from "@/lib/db/client";
import { moveCall } from "./repository";

// The agent worker's word that a call was answered. LiveKit posts no webhook when a SIP
// participant's sip.callStatus turns "active" (its webhooks are joins, leaves and tracks), and
// livekit-sip ends every call, answered or not, with the same "hangup" status; so without
// this an inbound call would still be "ringing" when the caller hangs up. The worker is in
// the room and sees the change at once.

export type AnswerReport = { roomName: string; participantIdentity: string };

/**
 * Moves the room's call to in progress (answeredAt now). "unknown" when no call has that
 * room and SIP participant yet (its join webhook may still be on the way: the worker retries).
 */
export async function recordAnswer(report: AnswerReport, at = new Date()): Promise<"recorded" | "already" | "unknown"> {
  const call = await db().call.findUnique({ where: { roomName: report.roomName }, select: { id: true, direction: true, participantIdentity: true } });
  if (!call || (call.participantIdentity !== null && call.participantIdentity !== report.participantIdentity)) return "unknown";
  const moved = await moveCall(
    call.id,
    "in_progress",
    { answeredAt: at, ...(call.direction === "outbound" ? { sipStatusCode: 200 } : {}) },
    "Answered (reported by the agent worker)",
  );
  return moved ? "recorded" : "already";
}
