import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The console with no LiveKit settings (LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET
// unset), against the real database: it still starts and keeps the desired state, says what
// to set everywhere LiveKit would be needed, and a placed call stays queued with the
// product's message instead of failing. This file's modules see its own process.env
// (vitest isolates test files), so unsetting the three here touches no other test.

const saved = { url: process.env.LIVEKIT_URL, key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };
delete process.env.LIVEKIT_URL;
delete process.env.LIVEKIT_API_KEY;
delete process.env.LIVEKIT_API_SECRET;

const { db } = await import("@/lib/db/client");
const { createSipAccount } = await import("@/lib/sip-accounts/create-sip-account");
const { sipAccountSchemas } = await import("@/lib/sip-accounts/server-schemas");
const { verifySipAccount } = await import("@/lib/sip-accounts/verify-sip-account");
const { bindPhoneNumber } = await import("@/lib/phone-numbers/bind-phone-number");
const { bindPhoneNumberInput } = await import("@/lib/phone-numbers/schemas");
const { placeCall } = await import("@/lib/calls/place-call");
const { getCall } = await import("@/lib/calls/service");
const { TELEPHONY_NOT_CONFIGURED } = await import("@/lib/calls/schemas");
const { receiveCallWebhook } = await import("@/lib/livekit/calls");
const { LIVEKIT_NOT_CONFIGURED } = await import("@/lib/livekit/errors");

let spaceId = "";
const ctx = () => ({ userId: "user-without-livekit", spaceId, role: "OWNER" as const });

beforeAll(async () => {
  spaceId = (await db().space.create({ data: { name: `without-livekit-${randomBytes(4).toString("hex")}` } })).id;
});

afterAll(async () => {
  await db().space.deleteMany({ where: { id: spaceId } });
  Object.assign(process.env, { LIVEKIT_URL: saved.url, LIVEKIT_API_KEY: saved.key, LIVEKIT_API_SECRET: saved.secret });
});

describe("the console without LiveKit configured", () => {
  it("saves an account as Not provisioned saying what to set, verifies it as unreachable, queues calls with the product's message", async () => {
    const input = sipAccountSchemas().createSipAccountInput.parse({
      accountName: "PBX without LiveKit",
      sipServerAddress: "127.0.0.1:5070",
      sipTransport: "udp",
      outboundUsername: "pbx",
      outboundPassword: "pbx-password-1",
      inboundUsername: "",
      inboundPassword: "",
      destinationCountry: "US",
      allowedInboundIps: "127.0.0.1",
    });
    const created = await createSipAccount(ctx(), input);
    expect(created.provisioningFailed).toBe(true);
    expect(created.account).toMatchObject({ accountName: "PBX without LiveKit", provisioning: { status: "not_provisioned", reason: LIVEKIT_NOT_CONFIGURED } });

    const number = `+1415${randomInt(2_000_000, 9_999_999)}`;
    await bindPhoneNumber(ctx(), bindPhoneNumberInput.parse({ accountId: created.account.id, number }));
    // The number is kept (the desired state), and the database holds it bound.
    expect(await db().phoneNumber.count({ where: { spaceId, liveE164: number } })).toBe(1);

    const report = await verifySipAccount(ctx(), created.account.id);
    expect(report.liveKitReachable).toBe(false);
    const inbound = report.checks.find((c) => c.name === "Inbound trunk");
    expect(inbound).toMatchObject({ status: "failed", reason: `LiveKit unreachable: ${LIVEKIT_NOT_CONFIGURED}`, fix: expect.stringMatching(/^Set LIVEKIT_URL/) });

    const queued = await placeCall(ctx(), { from: number, to: "+15550100400", agentId: null });
    expect(queued).toMatchObject({ status: "queued", failureReason: TELEPHONY_NOT_CONFIGURED, direction: "outbound", from: number, to: "+15550100400" });
    // Nothing moves it on: a second later it is still queued, with the reason on its timeline.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const later = await getCall(ctx(), queued.id);
    expect(later.status).toBe("queued");
    expect(later.events.map((e) => [e.kind, e.detail])).toEqual([
      ["status:queued", "Queued by a member"],
      ["not_dispatched", TELEPHONY_NOT_CONFIGURED],
    ]);
  });

  it("accepts no webhook: nothing can be signed by a key it does not have", async () => {
    expect(await receiveCallWebhook('{"event":"room_finished"}', "Bearer anything")).toBeNull();
  });
});
