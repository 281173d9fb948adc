import "server-only";
import { db } from "@/lib/db/client";
import { moveCall } from "./move-call";

// The agent worker's word that a call was answered. LiveKit posts no webhook when a SIP
// participant's sip.callStatus turns "active" (its webhooks are joins, leaves and tracks), and
// livekit-sip ends every call, answered or not, with the same "hangup" status; so without
// this an inbound call would still be "ringing" when the caller hangs up. The worker is in
// the room and sees the change at once.

export type AnswerReport = { roomName: string; participantIdentity: string };

/** The worker's clock is trusted within a minute of ours (same host, or NTP); else now. */
function plausibleAnswerTime(reported: Date | undefined, now = Date.now()): Date {
  if (!reported) return new Date(now);
  return reported.getTime() <= now + 5_000 && reported.getTime() >= now - 60_000 ? reported : new Date(now);
}

/**
 * Moves the room's call to in progress, answered at `reportedAt` (when the worker saw it;
 * its report may arrive late) or now. "unknown" when no call has that room and SIP
 * participant yet (its join webhook may still be on the way: the worker retries).
 */
export async function recordAnswer(report: AnswerReport, reportedAt?: Date): Promise<"recorded" | "already" | "unknown"> {
  const at = plausibleAnswerTime(reportedAt);
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
