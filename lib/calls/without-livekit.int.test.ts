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
const { receiveCallWebhook } = await import("@/lib/livekit/call-webhooks");
const { LIVEKIT_NOT_CONFIGURED } = await import("@/lib/livekit/errors");
const { installLiveKitConfig } = await import("@/lib/livekit/client");
const { reprovisionSipAccount } = await import("@/lib/sip-accounts/reprovision-sip-account");
const { startPbx } = await import("@/e2e/sipp/pbx-uas");
const { startDispatcher } = await import("@/dispatcher/test/dispatcher-process");
const { until } = await import("@/dispatcher/test/call-fixtures");

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

    const report = await verifySipAccount(ctx(), created.account.id, "api");
    expect(report.liveKitReachable).toBe(false);
    const inbound = report.checks.find((c) => c.name === "Inbound trunk");
    expect(inbound).toMatchObject({ status: "failed", reason: `LiveKit unreachable: ${LIVEKIT_NOT_CONFIGURED}`, fix: expect.stringMatching(/^Set LIVEKIT_URL/) });

    const queued = await placeCall(ctx(), { from: number, to: "+15550100400", agentId: null });
    expect(queued).toMatchObject({ status: "queued", waitReason: TELEPHONY_NOT_CONFIGURED, failureReason: null, direction: "outbound", from: number, to: "+15550100400" });
    // Its job is in the queue with the row, waiting for a dispatcher that has LiveKit.
    expect(await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`call:${queued.id}`}`).toEqual([{ n: 1n }]);
    const later = await getCall(ctx(), queued.id);
    expect(later.events.map((e) => [e.kind, e.detail])).toEqual([
      ["status:queued", "Queued by a member"],
      ["not_dispatched", TELEPHONY_NOT_CONFIGURED],
    ]);
  });

  it("dispatches the calls it queued once LiveKit is configured and the processes restart", async () => {
    const pbx = await startPbx({ kind: "busy" }, { calls: 1, timeoutSeconds: 120 });
    const input = sipAccountSchemas().createSipAccountInput.parse({
      accountName: "PBX configured later", sipServerAddress: `127.0.0.1:${pbx.port}`, sipTransport: "udp", outboundUsername: "", outboundPassword: "",
      inboundUsername: "", inboundPassword: "", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    });
    const account = (await createSipAccount(ctx(), input)).account;
    const number = `+1415${randomInt(2_000_000, 9_999_999)}`;
    await bindPhoneNumber(ctx(), bindPhoneNumberInput.parse({ accountId: account.id, number }));
    const call = await placeCall(ctx(), { from: number, to: "+15550100401", agentId: null });

    // A dispatcher without LiveKit takes no call: it stays queued, not failed.
    const blind = await startDispatcher({ DATABASE_URL: process.env.DATABASE_URL, LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "" });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await blind.stop();
    expect((await getCall(ctx(), call.id)).status).toBe("queued");

    // LiveKit is configured: the console restarts with it (here: this process), the operator
    // reprovisions the account saved while LiveKit was missing, a dispatcher with LiveKit starts.
    installLiveKitConfig({ url: saved.url!, apiKey: saved.key!, apiSecret: saved.secret! });
    expect((await reprovisionSipAccount(ctx(), account.id)).account.provisioning.status).toBe("provisioned");
    const dispatcher = await startDispatcher({ DATABASE_URL: process.env.DATABASE_URL, LIVEKIT_URL: saved.url, LIVEKIT_API_KEY: saved.key, LIVEKIT_API_SECRET: saved.secret });
    try {
      const done = await until(() => getCall(ctx(), call.id), (c) => c.status === "busy", 60_000, "the queued call to be dialled");
      expect(done).toMatchObject({ sipStatusCode: 486, waitReason: null });
      expect((await pbx.done).invites).toBe(1);
    } finally {
      await dispatcher.stop();
      installLiveKitConfig(undefined);
    }
  }, 120_000);

  it("accepts no webhook: nothing can be signed by a key it does not have", async () => {
    expect(await receiveCallWebhook('{"event":"room_finished"}', "Bearer anything")).toBeNull();
  });
});
