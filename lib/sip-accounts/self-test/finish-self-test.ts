import "server-only";
import { cancelCall } from "@/lib/calls/cancel-call";
import { addEvent } from "@/lib/calls/repository";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { endCallRoom } from "@/lib/livekit/calls";
import { addFinishSelfTestJob } from "@/lib/queue/jobs";
import { judgeSelfTest } from "./judge";
import { readSelfTest, type SelfTestRooms, type StoredSelfTest } from "./snapshot";

// The dispatcher's finish_self_test job: judges the test; while it runs, looks again in a
// second; once final, stores the verdict (once, whichever dispatcher gets there first) and
// hangs up what the test left up: the outbound leg and the call that came back in.

const LOOK_AGAIN_MS = 1000;

export async function finishSelfTest(selfTestId: string): Promise<void> {
  const test = await db().sipAccountSelfTest.findUnique({ where: { id: selfTestId } });
  if (!test || test.finishedAt) return;
  const { snapshot, rooms } = await readSelfTest(test);
  const result = judgeSelfTest(snapshot, new Date());
  if (result.state === "running") {
    await addFinishSelfTestJob(db(), selfTestId, new Date(Date.now() + LOOK_AGAIN_MS));
    return;
  }
  const stored = await db().sipAccountSelfTest.updateMany({ where: { id: selfTestId, finishedAt: null }, data: { finishedAt: new Date(), result: { ...result, inboundCallId: rooms.backCallId } satisfies StoredSelfTest } });
  if (stored.count === 0) return;
  await hangUp(test.spaceId, rooms, result.state === "passed" ? "passed" : "failed");
}

const live = new Set(["dialing", "ringing", "in_progress"]);

async function hangUp(spaceId: string, rooms: SelfTestRooms, verdict: string): Promise<void> {
  if (rooms.outStatus === "queued") {
    // Never placed in time: it must not ring the PBX after the verdict.
    await cancelCall({ userId: "self-test", spaceId, role: "OWNER" }, rooms.outboundCallId).catch((err: unknown) => {
      if (!(err instanceof ConflictError)) throw err;
    });
  }
  const legs: [string | null, string | null, string | null][] = [
    [rooms.outboundCallId, rooms.outRoom, rooms.outStatus],
    [rooms.backCallId, rooms.backRoom, rooms.backStatus],
  ];
  for (const [callId, room, status] of legs) {
    if (!callId || !room || !status || !live.has(status)) continue;
    await addEvent(callId, "self_test", `Hung up by the self-test (${verdict})`);
    await endCallRoom(room);
  }
}
