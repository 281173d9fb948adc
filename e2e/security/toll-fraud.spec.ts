import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { baseURL, createKey, newOwner } from "../api-access";
import { startExtraApp } from "../app-process";
import { callUntil } from "../pbx-account";
import { bindViaApi, randomNumber } from "../phone-numbers";
import { startPbx } from "../sipp/pbx-uas";

// Toll fraud across tenants, from the outside (issue: host ownership). Space A's PBX trusts
// our SIP servers' addresses. Space B points an account without outbound authentication at
// the same PBX and places a call: in production it is refused with the reason, and sipp
// playing A's PBX receives no INVITE from B. A's own PBX proves its address by sending one
// call through the SIP edge, after which A's outbound calls reach it.
//
// Production refuses loopback addresses, so A's PBX gets a public address of its own on the
// loopback interface of the suite's private network namespace (nothing leaves it). The
// accounts are written through the suite's web app (local mode, LiveKit configured); the
// calls are placed through a second web app in production mode over the same database.

const pbxAddress = `81.90.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const productionPort = Number(new URL(baseURL).port) + 9;
let production: { baseURL: string; stop: () => Promise<void> };

function ip(...args: string[]) {
  execFileSync("ip", args, { stdio: "pipe" });
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  ip("addr", "add", `${pbxAddress}/32`, "dev", "lo");
  // No LiveKit settings: production refuses the local stack's published secret, and placing a
  // call only queues it (the suite's dispatcher dials).
  production = await startExtraApp(productionPort, 120_000, { DEPLOYMENT_MODE: "production", LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "" });
});

test.afterAll(async () => {
  await production?.stop();
  ip("addr", "del", `${pbxAddress}/32`, "dev", "lo");
});

function keyOn(url: string, secret: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

/** An owner's Space with an IP-trust account for the PBX at `pbxAddress:port` and one bound number; API keys on both web apps. */
async function tenant(browser: import("@playwright/test").Browser, label: string, pbxPort: number, allowedInbound: string) {
  const owner = await newOwner(browser, label);
  const { secret } = await createKey(owner.page.request, owner.spaceId, "OWNER");
  const local = await keyOn(baseURL, secret);
  const prod = await keyOn(production.baseURL, secret);
  const created = await local.post(`/api/v1/spaces/${owner.spaceId}/sip-accounts`, {
    data: { accountName: `${label} PBX`, sipServerAddress: `${pbxAddress}:${pbxPort}`, sipTransport: "udp", destinationCountry: "US", allowedInboundIps: [allowedInbound] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).id as string;
  const number = randomNumber();
  await bindViaApi(local, owner.spaceId, accountId, number);
  return { spaceId: owner.spaceId, accountId, number, local, prod };
}

test("another Space cannot send calls to a PBX that trusts our addresses; the PBX's own Space can once its call proved the address", async ({ browser }) => {
  test.setTimeout(180_000);
  const pbx = await startPbx({ kind: "answer", holdMs: 1500 }, { calls: 1, localIp: pbxAddress, timeoutSeconds: 150 });
  try {
    const a = await tenant(browser, "fraud-victim", pbx.port, pbxAddress);
    const ownership = (t: { prod: APIRequestContext; spaceId: string; accountId: string }) => t.prod.get(`/api/v1/spaces/${t.spaceId}/sip-accounts/${t.accountId}/host-ownership`);

    // Before any proof even A's own calls are refused, with what to do about it.
    const early = await a.prod.post(`/api/v1/spaces/${a.spaceId}/calls`, { data: { from: a.number, to: "+12025550143" } });
    expect(early.status(), await early.text()).toBe(422);
    expect((await early.json()).errors[0]).toMatchObject({ path: "from", message: expect.stringContaining(`${pbxAddress}, which this account has not proven is its PBX`) });

    // A's PBX calls A's number through the SIP edge (LiveKit takes it; 487 after our CANCEL).
    const inbound = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [a.number, "+15550100190"], localIp: pbxAddress, pauseMs: 500 });
    expect(inbound.exitCode, inbound.output).toBe(0);
    await expect
      .poll(async () => (await (await ownership(a)).json()).addresses, { timeout: 20_000 })
      .toEqual([{ address: pbxAddress, proven: true, provenBy: "inbound_call", heldByAnotherSpace: false }]);
    expect((await (await ownership(a)).json()).proofs).toEqual([expect.objectContaining({ address: pbxAddress, kind: "inbound_call", number: a.number })]);

    // Space B, a stranger, points an IP-trust account at the same PBX.
    const b = await tenant(browser, "fraud-attacker", pbx.port, "81.91.0.1");
    const refused = await b.prod.post(`/api/v1/spaces/${b.spaceId}/calls`, { data: { from: b.number, to: "+12025550144" } });
    expect(refused.status(), await refused.text()).toBe(422);
    expect((await refused.json()).errors[0]).toMatchObject({ path: "from", message: expect.stringContaining(`${pbxAddress} is used by another Space's account`) });
    // Nor can B's owner vouch for the address by hand.
    const approval = await b.prod.post(`/api/v1/spaces/${b.spaceId}/sip-accounts/${b.accountId}/host-ownership`);
    expect(approval.status(), await approval.text()).toBe(409);
    expect(await (await ownership(b)).json()).toMatchObject({ enforced: true, ipTrust: true, outboundAllowed: false, addresses: [{ address: pbxAddress, proven: false, heldByAnotherSpace: true }], proofs: [] });
    expect((await (await b.local.get(`/api/v1/spaces/${b.spaceId}/calls`)).json()).items).toHaveLength(0);

    // A's call goes through to its PBX: the only INVITE sipp ever receives.
    const placed = await a.prod.post(`/api/v1/spaces/${a.spaceId}/calls`, { data: { from: a.number, to: "+12025550145" } });
    expect(placed.status(), await placed.text()).toBe(201);
    await callUntil(a.local, a.spaceId, (await placed.json()).id, /^completed$/, 60_000);
    const result = await pbx.done;
    expect(result.invites, result.output).toBe(1);
    expect(result.messages).toContain("+12025550145");
    expect(result.messages).not.toContain("+12025550144");
  } finally {
    pbx.stop();
  }
});
