import { randomBytes, randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimCall } from "@/dispatcher/claim-call";
import { createBatch } from "@/lib/calls/batches/create-batch";
import { createBatchInput } from "@/lib/calls/batches/schemas";
import { placeCall } from "@/lib/calls/place-call";
import { applyCallWebhook } from "@/lib/calls/webhooks";
import { inboundJoinedWebhook } from "@/lib/testing/inbound-call-webhook";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { UNVERIFIED_CALLER_ID } from "./ownership-rules";

// Number ownership against the real PostgreSQL, in production mode: an unverified number is
// no caller ID (placing a call or a batch: 422 on `from`; a queued call: refused at dial), an
// inbound call on the account's trunk verifies it, one on another trunk does not. The
// services read the environment once, so production mode is set before anything reads it
// (vitest runs each file in its own module registry).
process.env.DEPLOYMENT_MODE = "production";
// Production refuses the local stack's published LiveKit secret; nothing here talks to LiveKit.
const liveKitSettings = { LIVEKIT_URL: process.env.LIVEKIT_URL, LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY, LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET };
for (const name of Object.keys(liveKitSettings)) process.env[name] = "";

const spaces: string[] = [];
const ceilings = { callsPerMinute: 1000, concurrentCalls: 1000 };

// A public SIP server with an outbound username: the address policy and host ownership
// (lib/sip-accounts/host-ownership) have nothing to refuse, so only the caller ID is at stake.
async function spaceWithNumber() {
  const space = await db().space.create({ data: { name: `ownership-${randomBytes(4).toString("hex")}` } });
  spaces.push(space.id);
  const ctx: SpaceContext = { userId: "ownership-owner", spaceId: space.id, role: "OWNER" };
  const inboundTrunkId = `ST_in_${randomBytes(6).toString("hex")}`;
  const account = await db().sipAccount.create({
    data: {
      spaceId: space.id, name: "Owner PBX", liveNameKey: `ownership-${space.id}`, sipServerAddress: "81.2.69.142:5999", outboundUsername: "pbx-user", destinationCountry: "US",
      allowedInboundIps: ["127.0.0.1"], inboundTrunkId, outboundTrunkId: `ST_out_${randomBytes(6).toString("hex")}`,
    },
  });
  const from = `+1415${randomInt(2_000_000, 9_999_999)}`;
  const number = await db().phoneNumber.create({ data: { spaceId: space.id, sipAccountId: account.id, e164: from, liveE164: from } });
  return { ctx, accountId: account.id, inboundTrunkId, from, numberId: number.id };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);

const inboundJoined = (to: string, trunkId: string) => applyCallWebhook(inboundJoinedWebhook(to, trunkId));

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId: { in: spaces } } });
  await db().space.deleteMany({ where: { id: { in: spaces } } });
  Object.assign(process.env, { DEPLOYMENT_MODE: "local", ...liveKitSettings });
});

describe("caller IDs in production", () => {
  it("refuses a call and a batch from an unverified number on `from`, saying how to verify it; queues nothing", async () => {
    const { ctx, from } = await spaceWithNumber();
    const err = (await refusal(placeCall(ctx, { from, to: "+14155550123", agentId: null }))) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.from).toEqual([UNVERIFIED_CALLER_ID]);
    expect(err.message).toContain("make one inbound call to the number through this account");
    const batch = createBatchInput.parse({ from, destinations: [{ to: "+14155550123" }] });
    expect(((await refusal(createBatch(ctx, batch))) as ValidationError).fieldErrors.from).toEqual([UNVERIFIED_CALLER_ID]);
    expect(await db().call.count({ where: { spaceId: ctx.spaceId } })).toBe(0);
  });

  it("an inbound call on another trunk verifies nothing; one on the account's trunk verifies the number, which then places calls", async () => {
    const { ctx, from, inboundTrunkId, numberId } = await spaceWithNumber();
    await inboundJoined(from, "ST_someone_else");
    expect(await db().phoneNumber.findUniqueOrThrow({ where: { id: numberId } })).toMatchObject({ verifiedAt: null, verifiedBy: null });

    await inboundJoined(from, inboundTrunkId);
    const row = await db().phoneNumber.findUniqueOrThrow({ where: { id: numberId } });
    expect(row.verifiedBy).toBe("inbound_call");
    expect(row.verifiedAt).not.toBeNull();
    await expect(placeCall(ctx, { from, to: "+14155550123", agentId: null })).resolves.toMatchObject({ status: "queued", from });
  });

  it("the dispatcher refuses at dial a queued call whose number is unverified, and dials it once verified", async () => {
    const { ctx, from, accountId, numberId } = await spaceWithNumber();
    const queued = () => db().call.create({ data: { spaceId: ctx.spaceId, direction: "outbound", fromNumber: from, toNumber: "+14155550124", phoneNumberId: numberId, sipAccountId: accountId } });
    const early = await queued();
    expect(await claimCall(early.id, 15, ceilings, undefined, "production")).toEqual({ kind: "refuse", reason: UNVERIFIED_CALLER_ID });
    // Local mode keeps today's behaviour.
    expect((await claimCall(early.id, 15, ceilings, undefined, "local")).kind).toBe("claimed");

    await db().phoneNumber.update({ where: { id: numberId }, data: { verifiedAt: new Date(), verifiedBy: "inbound_call" } });
    const later = await queued();
    expect((await claimCall(later.id, 15, ceilings, undefined, "production")).kind).toBe("claimed");
  });
});
