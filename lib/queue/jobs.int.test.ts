import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addDeliverWebhooksJob, addFinishSelfTestJob, addPlaceCallJob, addPlaceCallJobs } from "./jobs";

// A job's run_at is the instant asked for whatever zone the database session is in. The
// servers of the suite run in UTC, where a zone slip cannot show: each job here is added in a
// transaction set to New York time, as on a server configured for it.

const keys: string[] = [];

async function runAtOf(key: string): Promise<string> {
  const [row] = await db().$queryRaw<{ runAt: Date }[]>`SELECT run_at AS "runAt" FROM graphile_worker.jobs WHERE key = ${key}`;
  return row!.runAt.toISOString();
}

async function inNewYork(add: (tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0]) => Promise<void>) {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL TIME ZONE 'America/New_York'`;
    await add(tx);
  });
}

afterAll(async () => {
  await db().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ANY(${keys})`;
});

describe("jobs added for a later time", () => {
  it("run at that instant in a session outside UTC: a call, a batch of calls, a webhook retry, a self-test", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const [one, batchCall] = [randomUUID(), randomUUID()];
    const endpointId = randomUUID();
    const selfTestId = randomUUID();
    keys.push(`call:${one}`, `call:${batchCall}`, `self-test:${selfTestId}`);
    await inNewYork((tx) => addPlaceCallJob(tx, one, at));
    await inNewYork((tx) => addPlaceCallJobs(tx, [batchCall], at));
    await inNewYork((tx) => addDeliverWebhooksJob(tx, { endpointId, orderingKey: "call:x" }, at));
    await inNewYork((tx) => addFinishSelfTestJob(tx, selfTestId, at));
    const [webhookKey] = await db().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key LIKE ${`%${endpointId}%`}`;
    keys.push(webhookKey!.key);

    expect(await runAtOf(`call:${one}`)).toBe(at.toISOString());
    expect(await runAtOf(`call:${batchCall}`)).toBe(at.toISOString());
    expect(await runAtOf(webhookKey!.key)).toBe(at.toISOString());
    expect(await runAtOf(`self-test:${selfTestId}`)).toBe(at.toISOString());
  });
});
