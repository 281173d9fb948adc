import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimCall } from "@/dispatcher/claim-call";
import { createBatch } from "@/lib/calls/batches/create-batch";
import { createBatchInput } from "@/lib/calls/batches/schemas";
import { placeCall } from "@/lib/calls/place-call";
import { db } from "@/lib/db/client";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { setOutboundCaps } from "@/lib/spaces/outbound-caps";

// The outbound call policy in the calls service, against the real PostgreSQL (the calls, the
// shared rate-limit store): what an operator placing calls sees refused, and that nothing of
// a refused call or batch is queued. The test stack's deployment limits are out of reach
// (vitest.integration.config.ts), so each Space lowers its own caps, as Settings does.

const spaces: string[] = [];

async function spaceWithNumber(country = "US") {
  const space = await db().space.create({ data: { name: `policy-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const ctx: SpaceContext = { userId: "policy-owner", spaceId: space.id, role: "OWNER" };
  const account = await db().sipAccount.create({
    data: { spaceId: space.id, name: "Policy PBX", liveNameKey: `policy-${space.id}`, sipServerAddress: "127.0.0.1:5999", destinationCountry: country, allowedInboundIps: ["127.0.0.1"] },
  });
  const from = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: from, liveE164: from } });
  const calls = () => db().call.count({ where: { spaceId: space.id } });
  return { ctx, accountId: account.id, from, calls };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);


afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("destinations", () => {
  it("refuses a premium-rate number and another country on the `to` field, queueing nothing; allowing the country lets it through", async () => {
    const { ctx, accountId, from, calls } = await spaceWithNumber("US");
    const premium = (await refusal(placeCall(ctx, { from, to: "+19005551234", agentId: null }))) as ValidationError;
    expect(premium).toBeInstanceOf(ValidationError);
    expect(premium.fieldErrors.to).toEqual(["+19005551234 is a premium-rate number; this account does not call premium-rate or other special numbers."]);
    const abroad = (await refusal(placeCall(ctx, { from, to: "+4915112345678", agentId: null }))) as ValidationError;
    expect(abroad.fieldErrors.to?.[0]).toMatch(/Germany \(DE\); this account may call United States \(US\) only/);
    expect(await calls()).toBe(0);

    await db().sipAccount.update({ where: { id: accountId }, data: { allowedDestinationCountries: ["US", "DE"] } });
    await expect(placeCall(ctx, { from, to: "+4915112345678", agentId: null })).resolves.toMatchObject({ status: "queued", to: "+4915112345678" });
    expect(await calls()).toBe(1);
  });

  it("refuses a whole batch naming every row the policy refuses, and queues none of it", async () => {
    const { ctx, from, calls } = await spaceWithNumber("US");
    const input = createBatchInput.parse({ from, scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), destinations: [{ to: "+14155550123" }, { to: "+19005551234" }, { to: "+447700900123" }] });
    const err = (await refusal(createBatch(ctx, input))) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["destinations.1.to", "destinations.2.to"]);
    expect(await calls()).toBe(0);
    expect(await db().callBatch.count({ where: { spaceId: ctx.spaceId } })).toBe(0);
  });
});

describe("the Space's caps", () => {
  it("answers the call over the per-minute cap with a RateLimitedError naming the cap and the wait", async () => {
    const { ctx, from, calls } = await spaceWithNumber();
    await setOutboundCaps(ctx, { callsPerMinute: 2 });
    const later = new Date(Date.now() + 3_600_000);
    // Scheduled calls are paced by the dispatcher, not refused per minute: only calls that dial now count here.
    for (let i = 0; i < 2; i++) await placeCall(ctx, { from, to: `+1415555${randomInt(1000, 9999)}`, agentId: null });
    await placeCall(ctx, { from, to: "+14155550111", agentId: null, scheduledAt: later });
    const over = (await refusal(placeCall(ctx, { from, to: "+14155550112", agentId: null }))) as RateLimitedError;
    expect(over).toBeInstanceOf(RateLimitedError);
    expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(over.message).toBe(`This Space may place 2 calls per minute; try again in ${over.retryAfterSeconds} s.`);
    expect(await calls()).toBe(3);
  });

  it("refuses a call while the Space's concurrent calls are in use, and the dispatcher holds a queued one back", async () => {
    const { ctx, from, calls } = await spaceWithNumber();
    await setOutboundCaps(ctx, { concurrentCalls: 1 });
    const first = await placeCall(ctx, { from, to: "+14155550121", agentId: null, scheduledAt: new Date(Date.now() + 3_600_000) });
    const waiting = await placeCall(ctx, { from, to: "+14155550122", agentId: null, scheduledAt: new Date(Date.now() + 3_600_000) });
    await db().call.update({ where: { id: first.id }, data: { status: "in_progress", startedAt: new Date() } });

    const busy = (await refusal(placeCall(ctx, { from, to: "+14155550123", agentId: null }))) as RateLimitedError;
    expect(busy).toBeInstanceOf(RateLimitedError);
    expect(busy.message).toBe("This Space already has 1 call in progress, its limit; try again when one ends.");
    expect(await calls()).toBe(2);

    // Due now, on an account with its trunk (never dialled here: the claim stops at the cap).
    await db().call.update({ where: { id: waiting.id }, data: { scheduledAt: null } });
    await db().sipAccount.updateMany({ where: { spaceId: ctx.spaceId }, data: { outboundTrunkId: "ST_policy_test" } });
    const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };
    await expect(claimCall(waiting.id, 15, ceilings)).resolves.toMatchObject({ kind: "wait", reason: "Waiting: the Space already has 1 call in progress (its cap of concurrent calls)." });
    expect(await db().call.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "queued", waitReason: "Waiting: the Space already has 1 call in progress (its cap of concurrent calls)." });
  });

  it("counts a batch's calls against the daily cap: over it, nothing is queued; what fits is", async () => {
    const { ctx, from, calls } = await spaceWithNumber();
    await setOutboundCaps(ctx, { callsPerDay: 3 });
    const batch = (n: number) => createBatchInput.parse({ from, scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), destinations: Array.from({ length: n }, (_, i) => ({ to: `+1415555${String(1000 + i)}` })) });
    const over = (await refusal(createBatch(ctx, batch(4)))) as RateLimitedError;
    expect(over).toBeInstanceOf(RateLimitedError);
    expect(over.message).toMatch(/^This Space may place 3 calls per day \(UTC\) and these 4 calls would go over it; try again in \d+ s, or send fewer\.$/);
    expect(await calls()).toBe(0);
    await expect(createBatch(ctx, batch(3))).resolves.toMatchObject({ total: 3 });
    await expect(refusal(placeCall(ctx, { from, to: "+14155550131", agentId: null }))).resolves.toBeInstanceOf(RateLimitedError);
    expect(await calls()).toBe(3);
  });

  it("refuses caps above the deployment's limits on their field", async () => {
    const { ctx } = await spaceWithNumber();
    const err = (await refusal(setOutboundCaps(ctx, { callsPerDay: 2_000_000 }))) as ValidationError;
    expect(err.fieldErrors.callsPerDay).toEqual(["At most 1,000,000: this deployment's limit of calls per day per Space."]);
  });
});
