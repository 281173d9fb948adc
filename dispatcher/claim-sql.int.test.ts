import { randomBytes, randomInt } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { placeCall } from "@/lib/calls/place-call";
import { db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql-transaction";
import type { SpaceContext } from "@/lib/spaces/context";
import { claimCall } from "./claim-call";

// The claim runs in plain SQL beside Prisma (lib/db/sql-transaction.ts). Against the real
// PostgreSQL: a failure inside the transaction leaves nothing behind, and the claim reads and
// writes instants exactly as Prisma does whatever the process's time zone (pg alone would
// read the UTC columns as local time, and a call scheduled in an hour would wait 6 h in New York).

const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };
const spaces: string[] = [];
const zone = process.env.TZ;

async function queuedCallSpace(callsPerSecond: number | null = null) {
  const space = await db().space.create({ data: { name: `claim-sql-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const ctx: SpaceContext = { userId: "claim-sql-owner", spaceId: space.id, role: "OWNER" };
  const account = await db().sipAccount.create({
    data: { spaceId: space.id, name: "PBX", liveNameKey: `claim-sql-${space.id}`, sipServerAddress: "127.0.0.1:5999", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], outboundTrunkId: "ST_fake", callsPerSecond },
  });
  const from = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: from, liveE164: from } });
  return (extra: { scheduledAt?: Date } = {}) => placeCall(ctx, { from, to: `+1555${randomInt(1_000_000, 9_999_999)}`, agentId: null, ...extra });
}

afterEach(() => {
  process.env.TZ = zone;
});

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("the claim in plain SQL", () => {
  it("rolls back everything when the work throws, and gives the connection back", async () => {
    const place = await queuedCallSpace();
    const call = await place();
    const failed = sqlTransaction(async (sql) => {
      await sql.query("UPDATE calls SET wait_reason = 'half-done' WHERE id = $1", [call.id]);
      throw new Error("stopped halfway");
    });
    await expect(failed).rejects.toThrow("stopped halfway");
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).waitReason).toBeNull();
    // Each claim borrows a connection: a leak would exhaust the pool long before 30.
    for (let i = 0; i < 30; i++) await expect(sqlTransaction((sql) => sql.query("SELECT 1"))).resolves.toBeDefined();
  });

  it("reads and writes instants as Prisma does, in a process outside UTC", async () => {
    process.env.TZ = "America/New_York";
    const place = await queuedCallSpace(1);
    const now = new Date();
    const later = await place({ scheduledAt: new Date(now.getTime() + 3_600_000) });
    const wait = await claimCall(later.id, 60, ceilings, now);
    expect(wait.kind).toBe("wait");
    expect((wait as { waitMs: number }).waitMs).toBeGreaterThan(3_590_000);
    expect((wait as { waitMs: number }).waitMs).toBeLessThanOrEqual(3_600_000);

    const first = await place();
    expect((await claimCall(first.id, 60, ceilings, now)).kind).toBe("claimed");
    const row = await db().call.findUniqueOrThrow({ where: { id: first.id }, include: { events: true } });
    expect(row.startedAt?.toISOString()).toBe(now.toISOString());
    expect(row.leaseUntil?.toISOString()).toBe(new Date(now.getTime() + 60_000).toISOString());
    expect(row.events.find((e) => e.kind === "status:dialing")?.at.getTime()).toBeGreaterThanOrEqual(now.getTime());

    // One call a second: the start just written is read back as within the last second.
    const second = await place();
    const held = await claimCall(second.id, 60, ceilings, new Date(now.getTime() + 200));
    expect(held).toMatchObject({ kind: "wait" });
    expect((held as { reason: string }).reason).toMatch(/calls per second/i);
  });
});
