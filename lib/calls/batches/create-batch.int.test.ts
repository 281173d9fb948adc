import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { removePlaceCallJobs } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { cancelBatch } from "./cancel-batch";
import { createBatch } from "./create-batch";
import { createBatchFromCsv } from "./create-batch-from-csv";
import { getBatch } from "./get-batch";
import { createBatchInput } from "./schemas";

// Batches against the real PostgreSQL and job queue: 10,000 rows are queued whole in one
// transaction within seconds, a bad row queues nothing, and cancelling cancels every queued
// call and drops its job. The calls are scheduled an hour ahead, so a dispatcher left
// running by another test never dials them.

let ctx: SpaceContext;
let from = "";
const later = () => new Date(Date.now() + 3_600_000).toISOString();
const jobsOf = async (batchId: string) =>
  Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs j JOIN calls c ON j.key = 'call:' || c.id WHERE c.batch_id = ${batchId} AND j.task_identifier = 'place_call' AND j.max_attempts = 10`)[0]!.n);

beforeAll(async () => {
  const space = await db().space.create({ data: { name: `batches-${randomBytes(4).toString("hex")}` } });
  ctx = { userId: "user-batches", spaceId: space.id, role: "OWNER" };
  const account = await db().sipAccount.create({ data: { spaceId: space.id, name: "Batch PBX", sipServerAddress: "127.0.0.1:9", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  from = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: from, liveE164: from } });
});

afterAll(async () => {
  const calls = await db().call.findMany({ where: { spaceId: ctx.spaceId }, select: { id: true } });
  await db().$transaction((tx) => removePlaceCallJobs(tx, calls.map((c) => c.id)), { timeout: 60_000 });
  await db().space.deleteMany({ where: { id: ctx.spaceId } });
});

describe("createBatch", () => {
  it("queues 10,000 calls, their events and their jobs in one transaction, in seconds", async () => {
    const destinations = Array.from({ length: 10_000 }, (_, i) => ({ to: `+1415${String(3_000_000 + i)}`, variables: { row: String(i + 1) } }));
    const input = createBatchInput.parse({ name: "Ten thousand", from, maxConcurrency: 10, scheduledAt: later(), destinations });
    const started = performance.now();
    const batch = await createBatch(ctx, input);
    const ms = Math.round(performance.now() - started);
    console.info(`[batches] 10,000-row batch queued in ${ms} ms`);
    expect(ms).toBeLessThan(30_000);

    expect(batch).toMatchObject({ name: "Ten thousand", from, total: 10_000, maxConcurrency: 10, state: "running", finished: 0, counts: { queued: 10_000, cancelled: 0 } });
    expect(await db().call.count({ where: { batchId: batch.id, status: "queued" } })).toBe(10_000);
    expect(await db().callEvent.count({ where: { call: { batchId: batch.id }, kind: "status:queued" } })).toBe(10_000);
    expect(await jobsOf(batch.id)).toBe(10_000);
    const row17 = await db().call.findFirstOrThrow({ where: { batchId: batch.id, batchRow: 17 } });
    expect(row17).toMatchObject({ toNumber: "+14153000016", variables: { row: "17" }, sipAccountId: expect.any(String), status: "queued", attempts: 0 });
    // Written in raw SQL: the times must read back as Prisma's own writes do.
    expect(row17.scheduledAt?.toISOString()).toBe(input.scheduledAt?.toISOString());
    expect(Math.abs(row17.createdAt.getTime() - Date.now())).toBeLessThan(120_000);

    const page = await getBatch(ctx, batch.id, { limit: 100, cursor: 9_950 });
    expect(page.rows.map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => 9_951 + i));
    expect(page.nextCursor).toBeNull();
    expect((await getBatch(ctx, batch.id, { limit: 100 })).nextCursor).toBe(100);

    const cancelStarted = performance.now();
    const cancelled = await cancelBatch(ctx, batch.id);
    console.info(`[batches] 10,000-row batch cancelled in ${Math.round(performance.now() - cancelStarted)} ms`);
    expect(cancelled).toMatchObject({ state: "cancelled", finished: 10_000, counts: { queued: 0, cancelled: 10_000 } });
    expect(await jobsOf(batch.id)).toBe(0);
    expect(await db().callEvent.count({ where: { call: { batchId: batch.id }, kind: "status:cancelled" } })).toBe(10_000);
    // Again: the same answer, nothing more happens.
    expect(await cancelBatch(ctx, batch.id)).toMatchObject({ state: "cancelled", counts: { cancelled: 10_000 } });
  }, 180_000);

  it("queues nothing from a file with one bad line, and says which line", async () => {
    const before = { batches: await db().callBatch.count({ where: { spaceId: ctx.spaceId } }), calls: await db().call.count({ where: { spaceId: ctx.spaceId } }) };
    const csv = ["to,name", ...Array.from({ length: 500 }, (_, i) => `+1415${4_000_000 + i},n${i}`)];
    csv[301] = "+1415 555 2671 x 12,bad";
    const refused = createBatchFromCsv(ctx, { name: "", from, agentId: "", maxConcurrency: 5, csv: csv.join("\n") });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { csv: ["Line 302: “+1415 555 2671 x 12”: Remove the extension; LiveKit routes calls by the number alone."] } });
    expect(await db().callBatch.count({ where: { spaceId: ctx.spaceId } })).toBe(before.batches);
    expect(await db().call.count({ where: { spaceId: ctx.spaceId } })).toBe(before.calls);
  });

  it("refuses a from-number this Space has not bound, before writing anything", async () => {
    const input = createBatchInput.parse({ from: "+14155550199", destinations: [{ to: "+14155552671" }] });
    await expect(createBatch(ctx, input)).rejects.toMatchObject({ fieldErrors: { from: ["Choose a number bound in this Space."] } });
    await expect(createBatch({ ...ctx, role: "MEMBER" }, input)).rejects.toThrow("Only owners and admins can start batches.");
  });
});
