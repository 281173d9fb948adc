import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { addPlaceCallJob } from "@/lib/queue/jobs";

// Puts a call that was being dialled back in the queue, with its job, in one transaction:
// a retry after busy / no answer, LiveKit unreachable before any INVITE, or a dial that
// never reached LiveKit because its dispatcher died.

type RequeueData = Pick<Prisma.CallUpdateManyMutationInput, "sipStatusCode" | "failureReason" | "waitReason">;

/** `countAttempt` false: the dial never reached the callee (LiveKit away), so it is not an attempt of the retry policy. */
export async function requeueCall(callId: string, runAt: Date, detail: string, data: RequeueData = {}, countAttempt = true): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const moved = await tx.call.updateMany({
      where: { id: callId, status: { in: ["dialing", "ringing"] } },
      data: { ...data, status: "queued", leaseUntil: null, roomName: null, scheduledAt: runAt, ...(countAttempt ? {} : { attempts: { decrement: 1 } }) },
    });
    if (moved.count === 0) return false;
    await tx.callEvent.create({ data: { callId, kind: "status:queued", detail } });
    await addPlaceCallJob(tx, callId, runAt);
    return true;
  });
}
