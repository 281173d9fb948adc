import { randomInt } from "node:crypto";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { dispatchRulesOf, livekitSip, startLiveKitServer, stopLiveKitServer, trunksOf } from "@/e2e/livekit";
import { startWebhookReceiver, waitFor, type WebhookReceiver } from "@/e2e/webhook-receiver";
import { dispatcherEnv, ownerSpace } from "@/dispatcher/test/call-fixtures";
import { startDispatcher, type DispatcherHandle } from "@/dispatcher/test/dispatcher-process";
import { db } from "@/lib/db/client";
import { bindPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { verifyStaleAccounts } from "@/lib/sip-accounts/periodic-verify";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import type { SpaceContext } from "@/lib/spaces/context";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { runSipp, liveKitSipPort } from "@/scripts/stack/sipp";
import { stackLiveKit } from "@/scripts/stack/stack-env";

// Provisioning that heals itself, against the real livekit-server (stopped and started for
// real) and the dispatcher process that does the healing; and the periodic Verify.

const running: DispatcherHandle[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function subscribed(ctx: SpaceContext, events: string[]) {
  const r = await startWebhookReceiver();
  receivers.push(r);
  r.secret = (await createWebhookEndpoint(ctx, { url: r.url, description: "", events: events as never, enabled: true })).secret;
  return r;
}

const accountInput = (name: string) =>
  sipAccountSchemas().createSipAccountInput.parse({
    accountName: name, sipServerAddress: "pbx.example.com", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
  });

describe("provisioning that heals itself", () => {
  it("an account and a number saved while livekit-server is stopped are provisioned once it is back, with no request, and the number's INVITE reaches a room", async () => {
    const ctx = await ownerSpace("Heal");
    const r = await subscribed(ctx, ["sip_account.provisioned", "sip_account.provisioning_failed"]);
    running.push(await startDispatcher({ ...dispatcherEnv(), CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS }));
    const number = `+1555${randomInt(1_000_000, 9_999_999)}`;
    stopLiveKitServer();
    let accountId = "";
    try {
      const created = await createSipAccount(ctx, accountInput("Offline PBX"));
      accountId = created.account.id;
      expect(created.provisioningFailed).toBe(true);
      const bound = await bindPhoneNumber(ctx, { accountId, number, label: null, inboundAgentId: null, outboundAgentId: null });
      expect(bound.provisioningFailed).toBe(true);
      expect(await db().sipAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ provisioningStatus: "not_provisioned", healAt: expect.any(Date) });
    } finally {
      startLiveKitServer();
    }
    // From here the test only reads: the database, LiveKit's own lists, the receiver.
    const healed = Date.now();
    await waitFor(async () => {
      const [account, n] = await Promise.all([db().sipAccount.findUniqueOrThrow({ where: { id: accountId } }), db().phoneNumber.findFirstOrThrow({ where: { e164: number, liveE164: number } })]);
      return account.provisioningStatus === "provisioned" && n.provisioningStatus === "provisioned";
    }, 90_000, "the account and its number to be provisioned by the dispatcher");
    console.log(`[self-heal] provisioned ${((Date.now() - healed) / 1000).toFixed(1)} s after livekit-server was started again`);
    expect(await db().sipAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ healAt: null, healRetries: 0, provisioningError: null });
    const lk = await trunksOf(accountId);
    expect(lk.inbound.map((t) => t.numbers)).toEqual([[number]]);
    expect((await dispatchRulesOf(accountId)).map((rule) => rule.numbers)).toEqual([[number]]);

    const { url, apiKey, apiSecret } = stackLiveKit();
    const rooms = new RoomServiceClient(url, apiKey, apiSecret);
    const call = runSipp({ scenario: "invite-cancel.xml", targetPort: liveKitSipPort(), fields: [number, "+15550100777"], pauseMs: 5000 });
    await waitFor(async () => {
      for (const room of await rooms.listRooms()) {
        const people = await rooms.listParticipants(room.name).catch(() => []);
        if (people.some((p) => p.attributes["sip.trunkPhoneNumber"] === number)) return true;
      }
      return false;
    }, 15_000, "the INVITE's SIP participant in a room");
    expect((await call).exitCode).toBe(0);

    await waitFor(() => r.received.some((e) => e.type === "sip_account.provisioned"), 15_000, "sip_account.provisioned");
    expect(r.received.map((e) => e.type)[0]).toBe("sip_account.provisioning_failed");
    expect(r.received.filter((e) => e.type === "sip_account.provisioned")).toHaveLength(1);
  }, 180_000);

  it("the periodic Verify records drift and announces it once; automatic repair, when the Space turns it on, puts it right in place", async () => {
    const ctx = await ownerSpace("Heal");
    const r = await subscribed(ctx, ["sip_account.drift_detected"]);
    running.push(await startDispatcher({ ...dispatcherEnv(), CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS }));
    const { account } = await createSipAccount(ctx, accountInput("Drifting PBX"));
    const before = await trunksOf(account.id);
    await livekitSip().deleteSipTrunk(before.outbound[0]!.sipTrunkId);
    // Due first: verified "long ago" (the periodic pass takes the oldest).
    const due = () => db().sipAccount.update({ where: { id: account.id }, data: { lastVerifiedAt: new Date(0) } });

    await due();
    await verifyStaleAccounts(10);
    const row = await db().sipAccount.findUniqueOrThrow({ where: { id: account.id } });
    const report = row.lastVerifyReport as { checks: { name: string; status: string }[] };
    expect(report.checks.find((c) => c.name === "Outbound trunk")!.status).toBe("failed");
    await waitFor(() => r.received.length === 1, 15_000, "sip_account.drift_detected");
    expect(r.received[0]).toMatchObject({ type: "sip_account.drift_detected", verified: true, data: { sipAccountId: account.id, checks: [expect.objectContaining({ name: "Outbound trunk" })] } });
    expect((await trunksOf(account.id)).outbound).toHaveLength(0);

    // The same drift again is not news; and repair stays the operator's choice.
    await due();
    await verifyStaleAccounts(10);
    expect((await trunksOf(account.id)).outbound).toHaveLength(0);

    await db().space.update({ where: { id: ctx.spaceId }, data: { autoRepair: true } });
    await due();
    await verifyStaleAccounts(10);
    const repaired = await trunksOf(account.id);
    expect(repaired.outbound).toHaveLength(1);
    expect(repaired.inbound.map((t) => t.sipTrunkId)).toEqual(before.inbound.map((t) => t.sipTrunkId));
    expect((await db().sipAccount.findUniqueOrThrow({ where: { id: account.id } })).lastVerifyReport).toMatchObject({ ok: true });
    await new Promise((res) => setTimeout(res, 1500));
    expect(r.received).toHaveLength(1);
  }, 120_000);
});
