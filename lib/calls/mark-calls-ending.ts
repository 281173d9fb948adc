import { db } from "@/lib/db/client";

/**
 * Records why the console is about to hang up these rooms' calls (Recreate from scratch), on
 * each call and its timeline, so the call log says so once they end.
 */
export async function markCallsEnding(roomNames: string[], reason: string): Promise<void> {
  if (roomNames.length === 0) return;
  await db().$transaction(async (tx) => {
    const calls = await tx.call.findMany({ where: { roomName: { in: roomNames }, status: { in: ["dialing", "ringing", "in_progress"] } }, select: { id: true } });
    await tx.call.updateMany({ where: { id: { in: calls.map((c) => c.id) } }, data: { endReason: reason } });
    await tx.callEvent.createMany({ data: calls.map((c) => ({ callId: c.id, kind: "dropped", detail: reason })) });
  });
}
