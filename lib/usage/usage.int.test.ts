import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimCall } from "@/dispatcher/claim-call";
import { setSpaceLimits } from "@/lib/admin/spaces";
import { placeCall } from "@/lib/calls/place-call";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { usageCsv } from "./aggregate";
import { spaceUsage } from "./service";

// Usage from the call log, against the real PostgreSQL: seeded calls with known durations
// come back as the same sums by day, direction and number, nothing of another Space or
// outside the period counts, and the monthly minutes limit stops new and queued calls.

const spaces: string[] = [];
const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };

async function spaceWithNumber() {
  const space = await db().space.create({ data: { name: `usage-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const ctx: SpaceContext = { userId: "usage-owner", spaceId: space.id, role: "OWNER" };
  const account = await db().sipAccount.create({
    data: { spaceId: space.id, name: "Usage PBX", liveNameKey: `usage-${space.id}`, sipServerAddress: "127.0.0.1:5999", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], outboundTrunkId: "ST_fake" },
  });
  const number = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: number, liveE164: number } });
  return { ctx, number };
}

type Seed = { direction: "inbound" | "outbound"; number: string; at: string; seconds: number | null };

async function seed(spaceId: string, calls: Seed[]) {
  await db().call.createMany({
    data: calls.map((c) => ({
      spaceId, direction: c.direction, status: c.seconds === null ? ("failed" as const) : ("completed" as const), createdAt: new Date(c.at), durationSeconds: c.seconds,
      fromNumber: c.direction === "outbound" ? c.number : "+15550100999", toNumber: c.direction === "inbound" ? c.number : "+15550100998",
    })),
  });
}

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("usage", () => {
  it("equals the sums of the call log's durations, by day, direction and number, within the period only", async () => {
    const { ctx, number } = await spaceWithNumber();
    const other = "+14155550177";
    const calls: Seed[] = [
      { direction: "inbound", number, at: "2026-10-01T00:00:00Z", seconds: 61 },
      { direction: "inbound", number, at: "2026-10-01T23:59:59Z", seconds: 119 },
      { direction: "outbound", number, at: "2026-10-01T12:00:00Z", seconds: 30 },
      { direction: "outbound", number, at: "2026-10-02T08:00:00Z", seconds: null },
      { direction: "outbound", number: other, at: "2026-10-02T09:00:00Z", seconds: 245 },
      // Outside the period (the day before and the day after).
      { direction: "inbound", number, at: "2026-09-30T23:59:59Z", seconds: 1000 },
      { direction: "inbound", number, at: "2026-10-03T00:00:00Z", seconds: 1000 },
    ];
    await seed(ctx.spaceId, calls);
    // Another Space's call on the same day counts for it only.
    const stranger = await spaceWithNumber();
    await seed(stranger.ctx.spaceId, [{ direction: "inbound", number: stranger.number, at: "2026-10-01T10:00:00Z", seconds: 500 }]);

    const report = await spaceUsage(ctx, { from: "2026-10-01", to: "2026-10-02" });
    const inPeriod = calls.filter((c) => c.at >= "2026-10-01" && c.at < "2026-10-03");
    const sum = (cs: Seed[]) => cs.reduce((s, c) => s + (c.seconds ?? 0), 0);
    expect(report.totals.all).toEqual({ calls: inPeriod.length, billableSeconds: sum(inPeriod) });
    expect(report.totals.inbound).toEqual({ calls: 2, billableSeconds: 180 });
    expect(report.totals.outbound).toEqual({ calls: 3, billableSeconds: 275 });
    expect(report.byDay).toEqual([
      { day: "2026-10-01", direction: "inbound", calls: 2, billableSeconds: 180 },
      { day: "2026-10-01", direction: "outbound", calls: 1, billableSeconds: 30 },
      { day: "2026-10-02", direction: "outbound", calls: 2, billableSeconds: 245 },
    ]);
    expect(report.byNumber).toEqual(
      [
        { number: other, direction: "outbound", calls: 1, billableSeconds: 245 },
        { number, direction: "inbound", calls: 2, billableSeconds: 180 },
        { number, direction: "outbound", calls: 2, billableSeconds: 30 },
      ].sort((a, b) => a.number.localeCompare(b.number) || a.direction.localeCompare(b.direction)),
    );
    const csv = usageCsv(report.rows).trim().split("\r\n");
    expect(csv[0]).toBe("day,direction,number,calls,billable_seconds");
    expect(csv.slice(1).reduce((s, line) => s + Number(line.split(",")[4]), 0)).toBe(sum(inPeriod));
  });
});

describe("the monthly minutes limit", () => {
  it("refuses new calls (403) and queued ones (dispatcher) once the month's billable time reaches it; raising it lets them go", async () => {
    const { ctx, number } = await spaceWithNumber();
    const queued = await placeCall(ctx, { from: number, to: "+14155550123", agentId: null });
    await seed(ctx.spaceId, [{ direction: "inbound", number, at: new Date().toISOString(), seconds: 120 }]);
    await setSpaceLimits(ctx.spaceId, { monthlyMinutesLimit: 2 });

    const claim = await claimCall(queued.id, 60, ceilings);
    expect(claim).toEqual({ kind: "refuse", reason: "The Space has used its monthly limit of 2 minutes (2.0 min this month): no more calls are placed until the next month (UTC) or until the deployment's administrator raises the limit." });
    const refused = await placeCall(ctx, { from: number, to: "+14155550124", agentId: null }).then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toMatch(/^The Space has used its monthly limit of 2 minutes \(2\.0 min this month\)/);

    await setSpaceLimits(ctx.spaceId, { monthlyMinutesLimit: 3 });
    const next = await placeCall(ctx, { from: number, to: "+14155550125", agentId: null });
    expect((await claimCall(next.id, 60, ceilings)).kind).toBe("claimed");
  });
});
