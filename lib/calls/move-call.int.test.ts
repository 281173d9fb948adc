import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { completeCall } from "./complete-call";
import { moveCall } from "./move-call";

// A status move in plain SQL (move-call.ts), against the real PostgreSQL: the move, its
// timeline event and its webhook event land together or not at all, a move the state machine
// refuses writes nothing, and instants are read and written as Prisma does whatever the
// process's time zone (pg alone reads the UTC columns as local time).

const zone = process.env.TZ;
const spaces: string[] = [];

async function dialingCall() {
  const space = await db().space.create({ data: { name: `move-call-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const call = await db().call.create({
    data: { spaceId: space.id, direction: "outbound", fromNumber: "+14155550100", toNumber: "+15555550100", status: "dialing", attempts: 1, leaseUntil: new Date(Date.now() + 60_000) },
  });
  return { spaceId: space.id, call };
}

afterEach(() => {
  process.env.TZ = zone;
});

afterAll(async () => {
  await db().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key LIKE 'wh:%' AND payload->>'orderingKey' IN (SELECT 'call:' || id FROM calls WHERE space_id = ANY(${spaces}))`;
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("a call's status move", () => {
  it("writes the status, its fields and its timeline event at the instants given, in a process outside UTC", async () => {
    process.env.TZ = "America/New_York";
    const { call } = await dialingCall();
    const answeredAt = new Date(Date.now() - 1234);
    const before = Date.now();
    expect(await moveCall(call.id, "in_progress", { answeredAt, sipStatusCode: 200, leaseUntil: null }, "Answered")).toBe(true);

    const row = await db().call.findUniqueOrThrow({ where: { id: call.id }, include: { events: true } });
    expect(row).toMatchObject({ status: "in_progress", sipStatusCode: 200, leaseUntil: null, failureReason: null });
    expect(row.answeredAt?.toISOString()).toBe(answeredAt.toISOString());
    // Fields the move does not name keep their values.
    expect(row.attempts).toBe(1);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.updatedAt.getTime()).toBeLessThan(Date.now() + 1000);
    const event = row.events.find((e) => e.kind === "status:in_progress");
    expect(event?.detail).toBe("Answered");
    expect(event!.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(event!.at.getTime()).toBeLessThan(Date.now() + 1000);

    // Completed 2.5 s after the answer: the duration to the millisecond.
    const endedAt = new Date(answeredAt.getTime() + 2500);
    expect(await completeCall(call.id, "The caller hung up.", endedAt)).toBe(true);
    const done = await db().call.findUniqueOrThrow({ where: { id: call.id } });
    expect(done).toMatchObject({ status: "completed", durationMs: 2500, durationSeconds: 3, endReason: "The caller hung up." });
    expect(done.endedAt?.toISOString()).toBe(endedAt.toISOString());
  });

  it("refuses a move the state machine does not allow, and writes nothing", async () => {
    const { call } = await dialingCall();
    expect(await moveCall(call.id, "completed", { endedAt: new Date() })).toBe(false);
    expect(await moveCall("no-such-call", "failed")).toBe(false);
    const row = await db().call.findUniqueOrThrow({ where: { id: call.id }, include: { events: true } });
    expect(row.status).toBe("dialing");
    expect(row.endedAt).toBeNull();
    expect(row.events).toHaveLength(0);
  });

  it("emits the webhook event in the same transaction: one delivery and one job per listening endpoint", async () => {
    const { spaceId, call } = await dialingCall();
    const endpoint = (events: string[], enabled = true) =>
      db().webhookEndpoint.create({ data: { spaceId, url: "http://127.0.0.1:9/hook", events, enabled, secretEnc: "unused: no job runs against this Space" } });
    const all = await endpoint([]);
    const answered = await endpoint(["call.answered"]);
    await endpoint(["call.completed"]);
    await endpoint([], false);

    const answeredAt = new Date();
    expect(await moveCall(call.id, "in_progress", { answeredAt, sipStatusCode: 200 }, "Answered")).toBe(true);

    const messages = await db().webhookMessage.findMany({ where: { spaceId }, include: { deliveries: true } });
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message.type).toBe("call.answered");
    expect(message.orderingKey).toBe(`call:${call.id}`);
    expect(message.body).toMatchObject({ type: "call.answered", data: { callId: call.id, status: "in_progress", sipStatusCode: 200, answeredAt: answeredAt.toISOString(), attempts: 1 } });
    expect(message.deliveries.map((d) => d.endpointId).sort()).toEqual([all.id, answered.id].sort());
    expect(message.deliveries.every((d) => d.status === "pending" && d.orderingKey === `call:${call.id}`)).toBe(true);
    const jobs = await db().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key = ANY(${[all.id, answered.id].map((id) => `wh:${id}:call:${call.id}`)})`;
    expect(jobs).toHaveLength(2);

    // A refused move (back to ringing) emits nothing.
    expect(await moveCall(call.id, "ringing")).toBe(false);
    expect(await db().webhookMessage.count({ where: { spaceId } })).toBe(1);
  });
});
