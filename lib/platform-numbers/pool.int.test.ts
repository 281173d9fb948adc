import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dispatchRulesOf, trunksOf } from "@/e2e/livekit";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { bindOrClaimPhoneNumber, bindPhoneNumber, NUMBER_TAKEN } from "@/lib/phone-numbers/bind-phone-number";
import { getPhoneNumber, PLATFORM_NUMBER_NOT_REMOVABLE } from "@/lib/phone-numbers/repository";
import { listPhoneNumbers } from "@/lib/phone-numbers/list-phone-numbers";
import { listPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";
import { unbindPhoneNumber } from "@/lib/phone-numbers/unbind-phone-number";
import { updatePhoneNumber } from "@/lib/phone-numbers/update-phone-number";
import { listSpacesOverview } from "@/lib/admin/spaces";
import { createSipAccount } from "@/lib/sip-accounts/create-sip-account";
import { listSipAccounts } from "@/lib/sip-accounts/list-sip-accounts";
import { sipAccountSchemas } from "@/lib/sip-accounts/server-schemas";
import { platformContext } from "./platform-space";
import { ALREADY_ASSIGNED, assignPlatformNumber, listPlatformNumbers, NOT_ASSIGNED, unassignPlatformNumber } from "./pool";

// The platform pool against the real PostgreSQL and livekit-server: assignment moves the
// binding between the pool and a Space on the carrier's own trunks, the dispatch rule follows
// (the Space's id and agent, then the pool's again), and the 409s of bound numbers hold
// between the pool and the Spaces' own accounts.

const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);
const number = () => `+1555${randomInt(1_000_000, 9_999_999)}`;

async function carrier() {
  const admin = await platformContext("int-platform-admin");
  const input = sipAccountSchemas().createSipAccountInput.parse({
    accountName: `Carrier ${randomInt(1_000_000)}`, sipServerAddress: "127.0.0.1:5999", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    outboundUsername: "carrier-user", outboundPassword: "carrier-secret", inboundUsername: "", inboundPassword: "",
  });
  const { account } = await createSipAccount(admin, input);
  return { admin, accountId: account.id };
}

async function poolNumber(admin: Awaited<ReturnType<typeof platformContext>>, accountId: string) {
  const e164 = number();
  const { number: bound, provisioningFailed } = await bindPhoneNumber(admin, { accountId, number: e164, label: "Pool DID", inboundAgentId: null, outboundAgentId: null });
  expect(provisioningFailed).toBe(false);
  return { e164, poolId: bound.id };
}

function metadataOf(rule: { roomConfig?: { agents?: { metadata: string }[] } }) {
  return JSON.parse(rule.roomConfig!.agents![0]!.metadata) as { spaceId: string; inboundAgentId: string | null; phoneNumberId: string };
}

describe("platform numbers", () => {
  it("assigns a pool number to a Space, which sees it as a platform number and sets its agent; unassigning returns it to the pool", async () => {
    const { admin, accountId } = await carrier();
    const tenant = await ownerSpace("Tenant");
    const agent = await db().agent.create({
      data: { spaceId: tenant.spaceId, name: "Front desk", nameKey: "front desk", greeting: "Hello.", instructions: "Be brief.", language: "en-US", voice: null, sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline" },
    });
    const { e164, poolId } = await poolNumber(admin, accountId);
    expect((await listPlatformNumbers()).find((n) => n.number === e164)).toMatchObject({ id: poolId, space: null, label: "Pool DID" });

    const assigned = await assignPlatformNumber(poolId, { spaceId: tenant.spaceId });
    expect(assigned.provisioningFailed).toBe(false);
    expect(assigned.number).toMatchObject({ number: e164, space: { id: tenant.spaceId }, carrier: { id: accountId } });

    // The Space's view: a verified platform number under the carrier's label, no account of its own.
    const page = await listPhoneNumbers(tenant, listPhoneNumbersQuery.parse({}));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ number: e164, platform: true, account: { id: "platform" }, verified: true, verifiedBy: "platform", label: null });
    expect(await listSipAccounts(tenant)).toEqual([]);

    await updatePhoneNumber(tenant, assigned.number.id, { label: "Support line", inboundAgentId: agent.id, outboundAgentId: agent.id });
    const [rule] = (await dispatchRulesOf(accountId)).filter((r) => r.name === e164);
    expect(metadataOf(rule!)).toMatchObject({ spaceId: tenant.spaceId, inboundAgentId: agent.id, phoneNumberId: assigned.number.id });
    const [inbound] = (await trunksOf(accountId)).inbound;
    expect(inbound!.numbers).toContain(e164);

    // The Space cannot remove it; only the administrator returns it to the pool.
    const removal = await refusal(unbindPhoneNumber(tenant, assigned.number.id));
    expect(removal).toBeInstanceOf(ConflictError);
    expect((removal as ConflictError).message).toBe(PLATFORM_NUMBER_NOT_REMOVABLE);

    const back = await unassignPlatformNumber(assigned.number.id);
    expect(back).toMatchObject({ number: e164, space: null, label: "Pool DID" });
    expect((await listPhoneNumbers(tenant, listPhoneNumbersQuery.parse({}))).items).toEqual([]);
    expect(await refusal(getPhoneNumber(tenant, assigned.number.id))).toBeInstanceOf(NotFoundError);
    const [after] = (await dispatchRulesOf(accountId)).filter((r) => r.name === e164);
    // Same rule, updated in place: no longer the Space's, no agent.
    expect(after!.sipDispatchRuleId).toBe(rule!.sipDispatchRuleId);
    expect(metadataOf(after!)).toMatchObject({ spaceId: admin.spaceId, inboundAgentId: null, phoneNumberId: back.id });
    expect((await trunksOf(accountId)).inbound[0]!.numbers).toContain(e164);
    expect(await db().agent.findUniqueOrThrow({ where: { id: agent.id } })).toBeTruthy();
  });

  it("answers 409 between the pool and the Spaces' own accounts, and for a number assigned or in the pool already", async () => {
    const { admin, accountId } = await carrier();
    const tenant = await ownerSpace("Own PBX");
    const other = await ownerSpace("Other");
    const own = await createSipAccount(tenant, sipAccountSchemas().createSipAccountInput.parse({
      accountName: "Own PBX", sipServerAddress: "127.0.0.1:5998", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
      outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
    }));
    // A Space's own number cannot enter the pool.
    const owned = number();
    await bindPhoneNumber(tenant, { accountId: own.account.id, number: owned, label: null, inboundAgentId: null, outboundAgentId: null });
    const intoPool = await refusal(bindPhoneNumber(admin, { accountId, number: owned, label: null, inboundAgentId: null, outboundAgentId: null }));
    expect(intoPool).toBeInstanceOf(ConflictError);
    expect((intoPool as ConflictError).message).toBe(NUMBER_TAKEN);

    // A pool number, and an assigned one, cannot be bound to a Space's own account, nor claimed.
    const { e164, poolId } = await poolNumber(admin, accountId);
    for (const attempt of [() => bindOrClaimPhoneNumber(tenant, { accountId: own.account.id, number: e164, label: null, inboundAgentId: null, outboundAgentId: null })]) {
      expect(await refusal(attempt())).toBeInstanceOf(ConflictError);
    }
    const assigned = await assignPlatformNumber(poolId, { spaceId: other.spaceId });
    expect(await refusal(bindOrClaimPhoneNumber(tenant, { accountId: own.account.id, number: e164, label: null, inboundAgentId: null, outboundAgentId: null }))).toBeInstanceOf(ConflictError);

    // Assigned already: 409, whichever id; in the pool already: 409; unknown Space: 422 on spaceId.
    const twice = await refusal(assignPlatformNumber(assigned.number.id, { spaceId: tenant.spaceId }));
    expect(twice).toBeInstanceOf(ConflictError);
    expect((twice as ConflictError).message).toBe(ALREADY_ASSIGNED);
    expect(await refusal(assignPlatformNumber(poolId, { spaceId: tenant.spaceId }))).toBeInstanceOf(NotFoundError);
    const back = await unassignPlatformNumber(assigned.number.id);
    const again = await refusal(unassignPlatformNumber(back.id));
    expect((again as ConflictError).message).toBe(NOT_ASSIGNED);
    const nowhere = (await refusal(assignPlatformNumber(back.id, { spaceId: admin.spaceId }))) as ValidationError;
    expect(nowhere).toBeInstanceOf(ValidationError);
    expect(nowhere.fieldErrors.spaceId).toBeDefined();
    // A Space's own number is no platform number: the pool's services do not know it.
    const ownRow = await db().phoneNumber.findFirstOrThrow({ where: { liveE164: owned } });
    expect(await refusal(assignPlatformNumber(ownRow.id, { spaceId: other.spaceId }))).toBeInstanceOf(NotFoundError);
  });

  it("keeps the platform Space out of the Admin area's Spaces", async () => {
    const { admin } = await carrier();
    expect((await listSpacesOverview()).map((s) => s.id)).not.toContain(admin.spaceId);
  });
});
