import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/internal/calls/transcript/route";
import { purgeTranscriptsTask, scheduledJobs } from "@/dispatcher/schedule";
import { db } from "@/lib/db/client";
import { jobNames } from "@/lib/queue/jobs";
import { getTranscript } from "./get-transcript";
import { purgeExpiredTranscripts } from "./purge-transcripts";

// Transcripts against the real database: the worker's report (POST /api/internal/calls/transcript)
// stores a call's turns once each, only for the call of that room and SIP participant, and
// nothing for a Space that keeps none; the scheduled purge deletes turns past each Space's
// retention and nothing younger.

const token = randomBytes(32).toString("base64url");
process.env.WORKER_INTERNAL_TOKEN = token;
const suffix = randomBytes(4).toString("hex");
const identity = "sip_+15550100999";
const spaces: string[] = [];

async function spaceWithCall(retentionDays: number, room: string) {
  const space = await db().space.create({ data: { name: `transcripts-${suffix}`, transcriptRetentionDays: retentionDays } });
  spaces.push(space.id);
  const call = await db().call.create({
    data: { spaceId: space.id, direction: "inbound", fromNumber: "+15550100999", toNumber: "+14155550100", status: "in_progress", roomName: room, participantIdentity: identity },
  });
  return { spaceId: space.id, callId: call.id };
}

function report(body: unknown, authorization = `Bearer ${token}`) {
  const request = new Request("http://127.0.0.1/api/internal/calls/transcript", { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify(body) });
  return POST(request, { params: Promise.resolve({}) });
}

const turn = (seq: number, at: Date, extra: Record<string, unknown> = {}) => ({ seq, speaker: "agent", kind: "speech", text: `Turn ${seq}.`, at: at.toISOString(), interrupted: false, ...extra });
const ctx = (spaceId: string) => ({ userId: "u", spaceId, role: "MEMBER" as const });

afterAll(async () => {
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("the worker's transcript report", () => {
  it("stores the call's turns in order, each once, with speaker, key presses and interruptions", async () => {
    const room = `call_transcript_${suffix}_a`;
    const { spaceId, callId } = await spaceWithCall(30, room);
    const t0 = new Date();
    expect((await report({ roomName: room, participantIdentity: identity, turns: [turn(0, t0), turn(1, t0, { speaker: "caller", kind: "key", text: "5" })] })).status).toBe(204);
    // The same turn again (a retry) and the next one.
    expect((await report({ roomName: room, participantIdentity: identity, turns: [turn(1, t0, { speaker: "caller", kind: "key", text: "5" }), turn(2, t0, { interrupted: true })] })).status).toBe(204);
    const transcript = await getTranscript(ctx(spaceId), callId);
    expect(transcript.turns.map((t) => [t.speaker, t.kind, t.text, t.interrupted])).toEqual([
      ["agent", "speech", "Turn 0.", false],
      ["caller", "key", "5", false],
      ["agent", "speech", "Turn 2.", true],
    ]);
    // Another Space reads nothing of it: the same 404 as a missing call.
    const other = await spaceWithCall(30, `call_transcript_${suffix}_other`);
    await expect(getTranscript(ctx(other.spaceId), callId)).rejects.toThrow("Call not found");
  });

  it("answers 404 for a room no call has, or another SIP participant; 400 for a bad turn; 401 without the token", async () => {
    const room = `call_transcript_${suffix}_b`;
    await spaceWithCall(30, room);
    expect((await report({ roomName: `${room}_none`, participantIdentity: identity, turns: [turn(0, new Date())] })).status).toBe(404);
    expect((await report({ roomName: room, participantIdentity: "sip_+15550100000", turns: [turn(0, new Date())] })).status).toBe(404);
    expect((await report({ roomName: room, participantIdentity: identity, turns: [turn(0, new Date(), { speaker: "robot" })] })).status).toBe(400);
    expect((await report({ roomName: room, participantIdentity: identity, turns: [turn(0, new Date())] }, "Bearer wrong-token-wrong-token-wrong-token")).status).toBe(401);
  });

  it("stores nothing for a Space that keeps no transcripts (retention 0)", async () => {
    const room = `call_transcript_${suffix}_c`;
    const { spaceId, callId } = await spaceWithCall(0, room);
    expect((await report({ roomName: room, participantIdentity: identity, turns: [turn(0, new Date())] })).status).toBe(204);
    expect((await getTranscript(ctx(spaceId), callId)).turns).toEqual([]);
  });
});

describe("the scheduled purge", () => {
  it("is on the dispatcher's cron every hour", () => {
    expect(scheduledJobs.map((j) => j.task)).toContain(jobNames.purgeTranscripts);
  });

  it("deletes turns older than each Space's retention, keeps younger ones, and all of a Space that changed to 0", async () => {
    const day = 24 * 3600_000;
    const now = Date.now();
    const week = await spaceWithCall(7, `call_transcript_${suffix}_week`);
    const month = await spaceWithCall(30, `call_transcript_${suffix}_month`);
    const none = await spaceWithCall(5, `call_transcript_${suffix}_none`);
    for (const c of [week, month, none]) {
      await db().transcriptTurn.createMany({
        data: [10, 2].map((ageDays, seq) => ({ spaceId: c.spaceId, callId: c.callId, seq, speaker: "agent", kind: "speech", text: `${ageDays} days old`, at: new Date(now - ageDays * day) })),
      });
    }
    // Settings → Transcripts set to 0 after the turns were stored.
    await db().space.update({ where: { id: none.spaceId }, data: { transcriptRetentionDays: 0 } });

    expect(await purgeExpiredTranscripts()).toBeGreaterThanOrEqual(3);
    const texts = async (c: { spaceId: string; callId: string }) => (await getTranscript(ctx(c.spaceId), c.callId)).turns.map((t) => t.text);
    expect(await texts(week)).toEqual(["2 days old"]);
    expect(await texts(month)).toEqual(["10 days old", "2 days old"]);
    expect(await texts(none)).toEqual([]);

    // The job the cron runs does the same (nothing left to delete here).
    await db().transcriptTurn.create({ data: { spaceId: week.spaceId, callId: week.callId, seq: 5, speaker: "caller", kind: "speech", text: "old", at: new Date(now - 8 * day) } });
    const logs: string[] = [];
    await purgeTranscriptsTask({}, { logger: { info: (m: string) => logs.push(m) } } as never);
    expect(await texts(week)).toEqual(["2 days old"]);
    expect(logs.join()).toMatch(/purged \d+ transcript turns/);
  });
});
