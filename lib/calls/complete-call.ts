import { db } from "@/lib/db/client";
import { moveCall } from "./move-call";
import { durationMs } from "./status";

/**
 * Completes an answered call with its duration to the millisecond (no-op unless it is in
 * progress). `endReason` says how it ended, in plain words.
 */
export async function completeCall(callId: string, endReason: string, endedAt = new Date()): Promise<boolean> {
  const row = await db().call.findUnique({ where: { id: callId }, select: { answeredAt: true, endReason: true } });
  if (!row) return false;
  const ms = durationMs(row.answeredAt, endedAt);
  // A reason known before the hang-up (the console dropped the call) beats "it was hung up".
  const reason = row.endReason ?? endReason;
  return moveCall(callId, "completed", { endedAt, durationMs: ms, durationSeconds: ms === null ? null : Math.round(ms / 1000), endReason: reason, leaseUntil: null }, reason);
}
