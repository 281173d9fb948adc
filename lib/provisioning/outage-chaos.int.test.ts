import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { dispatchRulesOf, livekitSip, startLiveKitServer, stopLiveKitServer, trunksOf } from "@/e2e/livekit";
import { waitFor } from "@/e2e/webhook-receiver";
import { dispatcherEnv, ownerSpace } from "@/dispatcher/test/call-fixtures";
import { startDispatcher, type DispatcherHandle } from "@/dispatcher/test/dispatcher-process";
import { db } from "@/lib/db/client";
import { UpstreamError } from "@/lib/errors";
import { bindPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import { unbindPhoneNumber } from "@/lib/phone-numbers/unbind-phone-number";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { updateSipAccount } from "@/lib/sip-accounts/update-sip-account";
import { PERIODIC_VERIFY } from "@/lib/sip-accounts/verify-runs";
import { verifyAccountRow } from "@/lib/sip-accounts/verify-sip-account";

// 100 random creates, binds, edits, unbinds and deletes through the console's services while
// livekit-server is stopped and started 5 times, with a dispatcher healing in the background.
// Afterwards, with no repair request: every account and number provisioned, no trunk or rule
// left behind in LiveKit, none missing, Verify all OK. Seeded, so a failure can be replayed.

const SEED = Number(process.env.CHAOS_SEED ?? randomInt(1, 1_000_000));
let state = SEED;
const rand = (n: number) => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  // The high bits: an LCG's low bits cycle quickly.
  return Math.floor(state / 2 ** 15) % n;
};

let dispatcher: DispatcherHandle | undefined;
afterAll(async () => {
  startLiveKitServer();
  await dispatcher?.stop();
});

const ips = ["127.0.0.1", "127.0.0.1, 127.0.0.2"];
const createInput = (name: string) =>
  sipAccountSchemas().createSipAccountInput.parse({
    accountName: name, sipServerAddress: "pbx.example.com", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ips[0],
    outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
  });
const editInput = (name: string, i: number) =>
  sipAccountSchemas().updateSipAccountInput.parse({
    accountName: name, sipServerAddress: i % 2 ? "pbx.example.com:5070" : "pbx.example.com", sipTransport: "udp", destinationCountry: i % 3 ? "US" : "GB", allowedInboundIps: ips[i % 2],
    outboundUsername: "", outboundPassword: { state: "untouched" }, inboundUsername: "", inboundPassword: { state: "untouched" },
  });

describe("LiveKit going away during a burst of changes", () => {
  it(`leaves nothing orphaned or missing once it is back (seed ${SEED})`, async () => {
    const ctx = await ownerSpace("Chaos");
    dispatcher = await startDispatcher({ ...dispatcherEnv(), CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS });

    const accounts: { id: string; name: string }[] = [];
    const numbers: { id: string; accountId: string }[] = [];
    const everAccount: string[] = [];
    let refused = 0;
    let down = false;
    for (let i = 0; i < 100; i++) {
      // Down for ops 10-17, 30-37, 50-57, 70-77 and 90-97.
      if (i % 20 === 10) {
        stopLiveKitServer();
        down = true;
      }
      if (i % 20 === 18 && down) {
        startLiveKitServer();
        down = false;
      }
      const op = accounts.length === 0 ? 0 : rand(10);
      try {
        if (op <= 2) {
          const name = `Chaos ${i}`;
          const { account } = await createSipAccount(ctx, createInput(name));
          accounts.push({ id: account.id, name });
          everAccount.push(account.id);
        } else if (op <= 5) {
          const a = accounts[rand(accounts.length)]!;
          const { number } = await bindPhoneNumber(ctx, { accountId: a.id, number: `+1555${randomInt(1_000_000, 9_999_999)}`, label: null, inboundAgentId: null, outboundAgentId: null });
          numbers.push({ id: number.id, accountId: a.id });
        } else if (op <= 7) {
          const a = accounts[rand(accounts.length)]!;
          await updateSipAccount(ctx, a.id, editInput(a.name, i));
        } else if (op === 8 && numbers.length > 0) {
          const k = rand(numbers.length);
          await unbindPhoneNumber(ctx, numbers[k]!.id);
          numbers.splice(k, 1);
        } else if (op === 9) {
          const k = rand(accounts.length);
          await deleteSipAccount(ctx, accounts[k]!.id);
          const [gone] = accounts.splice(k, 1);
          for (let j = numbers.length - 1; j >= 0; j--) if (numbers[j]!.accountId === gone!.id) numbers.splice(j, 1);
        }
      } catch (err) {
        // Unbind and delete are refused while LiveKit is away (nothing changes); nothing else may fail.
        if (!(err instanceof UpstreamError) || !down) throw err;
        refused++;
      }
    }
    if (down) startLiveKitServer();

    // From here only reads: the dispatcher heals whatever the outages left undone.
    await waitFor(async () => {
      const pending = await db().sipAccount.count({ where: { spaceId: ctx.spaceId, deletedAt: null, provisioningStatus: { not: "provisioned" } } });
      const numbersPending = await db().phoneNumber.count({ where: { spaceId: ctx.spaceId, liveE164: { not: null }, provisioningStatus: { not: "provisioned" } } });
      return pending === 0 && numbersPending === 0;
    }, 180_000, "every account and number to be provisioned");

    const sip = livekitSip();
    const [inbound, outbound, rules] = await Promise.all([sip.listSipInboundTrunk(), sip.listSipOutboundTrunk(), sip.listSipDispatchRule()]);
    const ofDeleted = (metadata: string) => everAccount.some((id) => !accounts.some((a) => a.id === id) && metadata.includes(id));
    expect([...inbound, ...outbound].filter((t) => ofDeleted(t.metadata))).toEqual([]);
    expect(rules.filter((r) => ofDeleted(r.metadata))).toEqual([]);
    for (const a of accounts) {
      const bound = (await db().phoneNumber.findMany({ where: { sipAccountId: a.id, liveE164: { not: null } } })).map((n) => n.e164).sort();
      const lk = await trunksOf(a.id);
      expect(lk.inbound, a.name).toHaveLength(1);
      expect(lk.outbound, a.name).toHaveLength(1);
      if (bound.length > 0) expect([...lk.inbound[0]!.numbers].sort(), a.name).toEqual(bound);
      expect((await dispatchRulesOf(a.id)).map((r) => r.numbers[0]).sort(), a.name).toEqual(bound);
      const report = await verifyAccountRow(await db().sipAccount.findUniqueOrThrow({ where: { id: a.id } }), PERIODIC_VERIFY);
      expect(report.checks.filter((c) => c.status === "failed"), a.name).toEqual([]);
    }
    console.log(`[chaos] seed ${SEED}: ${accounts.length} accounts, ${numbers.length} numbers at the end; ${refused} unbinds/deletes refused while LiveKit was away`);
  }, 480_000);
});
