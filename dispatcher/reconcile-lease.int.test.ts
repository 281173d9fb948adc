import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { leaseCallsToReconcile, RECONCILE_BATCH } from "./reconcile";
import { ownerSpace } from "./test/call-fixtures";

// Reconciliation passes of several dispatchers share the live calls instead of each asking
// LiveKit about every one (reconcile.ts). Against the real PostgreSQL; no LiveKit is asked.

const settings = { leaseSeconds: 15, ringingTimeoutSeconds: 30, passSeconds: 5 };

async function liveCalls(spaceId: string) {
  const call = (status: "dialing" | "ringing" | "in_progress", direction: "inbound" | "outbound", leaseUntil: Date | null = null) =>
    db().call.create({ data: { spaceId, direction, status, fromNumber: "+14155550100", toNumber: "+14155550199", leaseUntil, answeredAt: status === "in_progress" ? new Date() : null } });
  return {
    answered: await Promise.all(Array.from({ length: 6 }, () => call("in_progress", "outbound"))),
    dialling: await call("dialing", "outbound"),
    inboundRinging: await call("ringing", "inbound"),
    expired: await call("ringing", "outbound", new Date(Date.now() - 1000)),
    heldElsewhere: await call("dialing", "outbound", new Date(Date.now() + 60_000)),
  };
}

describe("reconciliation leases", () => {
  it("gives each live call to one of two passes at once, none held elsewhere, and leases answered calls until the next pass only", async () => {
    const { spaceId } = await ownerSpace("Reconcile lease");
    const calls = await liveCalls(spaceId);
    const ours = new Set([...calls.answered, calls.dialling, calls.inboundRinging, calls.expired, calls.heldElsewhere].map((c) => c.id));
    const before = Date.now();

    const [a, b] = await Promise.all([leaseCallsToReconcile(settings), leaseCallsToReconcile(settings)]);
    const takenByA = a.map((c) => c.id).filter((id) => ours.has(id));
    const takenByB = b.map((c) => c.id).filter((id) => ours.has(id));
    expect(takenByA.filter((id) => takenByB.includes(id))).toEqual([]);
    expect(new Set([...takenByA, ...takenByB])).toEqual(new Set([...ours].filter((id) => id !== calls.heldElsewhere.id)));
    // A third pass right after finds them all leased.
    expect((await leaseCallsToReconcile(settings)).filter((c) => ours.has(c.id))).toEqual([]);

    const leaseOf = async (id: string) => (await db().call.findUniqueOrThrow({ where: { id } })).leaseUntil!.getTime() - before;
    // Answered and inbound calls: looked at again by the next pass (5 s), wherever it runs.
    for (const c of [calls.answered[0]!, calls.inboundRinging]) {
      expect(await leaseOf(c.id)).toBeGreaterThan(3_000);
      expect(await leaseOf(c.id)).toBeLessThan(5_000);
    }
    // Outbound calls taken over before their answer are followed here: the dispatcher's lease.
    for (const c of [calls.dialling, calls.expired]) {
      expect(await leaseOf(c.id)).toBeGreaterThan(14_000);
      expect(await leaseOf(c.id)).toBeLessThan(16_000);
    }
    expect(await leaseOf(calls.heldElsewhere.id)).toBeGreaterThan(55_000);

    await db().call.updateMany({ where: { id: { in: [...ours] } }, data: { status: "failed", leaseUntil: null } });
  });

  it("with more live calls than a pass takes, the next pass takes the ones left out before those it looked at", async () => {
    const { spaceId } = await ownerSpace("Reconcile rotation");
    const n = RECONCILE_BATCH + 5;
    // Distinct ages, so "oldest first" alone would take the same calls at every pass.
    const hourAgo = Date.now() - 3_600_000;
    await db().call.createMany({
      data: Array.from({ length: n }, (_, i) => ({ spaceId, direction: "outbound" as const, status: "in_progress" as const, fromNumber: "+14155550100", toNumber: "+14155550199", answeredAt: new Date(), updatedAt: new Date(hourAgo + i) })),
    });
    const ours = new Set((await db().call.findMany({ where: { spaceId }, select: { id: true } })).map((c) => c.id));
    const first = new Set((await leaseCallsToReconcile(settings)).map((c) => c.id).filter((id) => ours.has(id)));
    const leftOut = [...ours].filter((id) => !first.has(id));
    expect(leftOut.length).toBeGreaterThanOrEqual(5);

    // The first pass's leases run out, as by the next pass (a raw update: updated_at stays).
    await db().$executeRaw`UPDATE calls SET lease_until = ${new Date(Date.now() - 1000)}::timestamp(3) WHERE id = ANY(${[...first]})`;
    const second = new Set((await leaseCallsToReconcile(settings)).map((c) => c.id));
    expect(leftOut.filter((id) => !second.has(id))).toEqual([]);

    await db().call.updateMany({ where: { spaceId }, data: { status: "failed", leaseUntil: null } });
  });
});
