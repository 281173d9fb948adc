import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimCall } from "@/dispatcher/claim-call";
import { dialCall } from "@/dispatcher/dial-call";
import { applyCallWebhook } from "@/lib/calls/webhooks";
import { inboundJoinedWebhook } from "@/lib/testing/inbound-call-webhook";
import { db } from "@/lib/db/client";
import { outboundHostRefusal } from "./trust";

// Host ownership against the real PostgreSQL: an inbound call LiveKit reports for a number
// proves the address the SIP edge forwarded it from (and only for that number's account);
// the dispatcher refuses at dial, in production, a queued call to an address the account has
// not proven, before anything reaches LiveKit.

const spaces: string[] = [];
const ceilings = { callsPerMinute: 1000, concurrentCalls: 1000 };
const publicAddress = () => `81.92.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function spaceWithAccount(address: string) {
  const space = await db().space.create({ data: { name: `hosts-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const inboundTrunkId = `ST_in_${randomBytes(6).toString("hex")}`;
  const account = await db().sipAccount.create({
    data: {
      spaceId: space.id, name: "Trusting PBX", liveNameKey: `hosts-${space.id}`, sipServerAddress: `${address}:5060`, destinationCountry: "US",
      allowedInboundIps: [address], inboundTrunkId, outboundTrunkId: `ST_out_${randomBytes(6).toString("hex")}`,
    },
  });
  const e164 = `+1415${randomInt(2_000_000, 9_999_999)}`;
  const number = await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164, liveE164: e164 } });
  return { spaceId: space.id, account, inboundTrunkId, e164, numberId: number.id };
}

const inboundJoined = (to: string, trunkId: string) => applyCallWebhook(inboundJoinedWebhook(to, trunkId));

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
});

describe("host ownership", () => {
  it("an inbound call proves the address the edge forwarded it from, for that account only", async () => {
    const address = publicAddress();
    const victim = await spaceWithAccount(address);
    const attacker = await spaceWithAccount(address);
    expect(await outboundHostRefusal(victim.account, "production")).toContain("has not proven is its PBX");

    await db().edgeForward.create({ data: { phoneNumberId: victim.numberId, sourceAddress: address, forwardedAt: new Date() } });
    await inboundJoined(victim.e164, victim.inboundTrunkId);
    expect(await db().pbxHostProof.findMany({ where: { address }, select: { sipAccountId: true, kind: true, e164: true } })).toEqual([{ sipAccountId: victim.account.id, kind: "inbound_call", e164: victim.e164 }]);
    expect(await outboundHostRefusal(victim.account, "production")).toBeNull();
    expect(await outboundHostRefusal(attacker.account, "production")).toContain("is used by another Space's account");
    // A local deployment is one operator's machine: no proof asked.
    expect(await outboundHostRefusal(attacker.account, "local")).toBeNull();
  });

  it("a call forwarded long before is no proof", async () => {
    const address = publicAddress();
    const t = await spaceWithAccount(address);
    await db().edgeForward.create({ data: { phoneNumberId: t.numberId, sourceAddress: address, forwardedAt: new Date(Date.now() - 10 * 60_000) } });
    await inboundJoined(t.e164, t.inboundTrunkId);
    expect(await db().pbxHostProof.count({ where: { address } })).toBe(0);
  });

  it("the dispatcher refuses at dial, in production, a queued call to an unproven address, before LiveKit", async () => {
    const address = publicAddress();
    const t = await spaceWithAccount(address);
    const call = await db().call.create({ data: { spaceId: t.spaceId, direction: "outbound", fromNumber: t.e164, toNumber: "+14155550125", phoneNumberId: t.numberId, sipAccountId: t.account.id } });
    const claim = await claimCall(call.id, 15, ceilings);
    expect(claim.kind).toBe("claimed");
    if (claim.kind !== "claimed") return;
    await dialCall(claim.call, { agentName: "test-agent", ringingTimeoutSeconds: 10, leaseSeconds: 15, mode: "production" }, async () => () => {});
    const after = await db().call.findUniqueOrThrow({ where: { id: call.id }, include: { events: true } });
    expect(after).toMatchObject({ status: "failed", roomName: null });
    expect(after.failureReason).toContain(`resolves to ${address}, which this account has not proven is its PBX`);
  });
});
