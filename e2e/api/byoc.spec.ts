import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { anonymousClient, createKey, keyClient, newOwner, NOT_FOUND } from "../api-access";
import { dispatchRulesOf, livekitSip, trunksOf } from "../livekit";
import { createAgentViaApi, randomNumber } from "../phone-numbers";

// The BYOC API (/api/v1/byoc/...) with nothing but an API key: the seed's bodies, then
// LiveKit's trunks and dispatch rules read back through LiveKit's own API after every step.
// A session only sets the scene (signing up, making the key and the agents).

const BYOC = "/api/v1/byoc";
const numberUrl = (n: string) => `${BYOC}/phone-numbers/${encodeURIComponent(n)}`;

// The seed's example bodies, as its documentation shows them.
const seedCreate = {
  phoneNumber: "+19876543210",
  inboundAgentId: "agent_support",
  outboundAgentId: "agent_sales",
  sipUsername: "your_sip_username",
  sipPassword: "your_sip_password",
  terminationUri: "your-trunk.pstn.twilio.com",
  friendlyName: "Main Support Line",
};
const seedUpdate = { inboundAgentId: "agent_new_support", sipPassword: "updated_password" };

type Setup = { spaceId: string; key: APIRequestContext; session: APIRequestContext; agents: { support: string; sales: string; newSupport: string } };

async function setup(browser: Browser, label: string): Promise<Setup> {
  const owner = await newOwner(browser, label);
  const session = owner.page.request;
  const agents = {
    support: await createAgentViaApi(session, owner.spaceId, "Support"),
    sales: await createAgentViaApi(session, owner.spaceId, "Sales"),
    newSupport: await createAgentViaApi(session, owner.spaceId, "New support"),
  };
  const key = await keyClient((await createKey(session, owner.spaceId, "OWNER")).secret);
  return { spaceId: owner.spaceId, key, session, agents };
}

function inboundAgentOf(rule: { roomConfig?: { agents: { metadata: string }[] } }): string | null {
  return (JSON.parse(rule.roomConfig?.agents[0]?.metadata ?? "{}") as { inboundAgentId?: string | null }).inboundAgentId ?? null;
}

/** The account's trunks and rules as LiveKit holds them, in a comparable form. */
async function liveKitState(accountId: string) {
  const trunks = await trunksOf(accountId);
  const rules = await dispatchRulesOf(accountId);
  return {
    inbound: trunks.inbound.map((t) => ({ id: t.sipTrunkId, numbers: [...t.numbers].sort(), user: t.authUsername, password: t.authPassword })),
    outbound: trunks.outbound.map((t) => ({ id: t.sipTrunkId, address: t.address, numbers: [...t.numbers].sort(), user: t.authUsername, password: t.authPassword })),
    rules: rules
      .map((r) => ({ id: r.sipDispatchRuleId, numbers: r.numbers, trunkIds: r.trunkIds, agent: inboundAgentOf(r) }))
      .sort((a, b) => (a.numbers[0]! < b.numbers[0]! ? -1 : 1)),
  };
}

test("create, update, share, refresh and delete with an API key only; LiveKit checked after every step", async ({ browser }) => {
  test.setTimeout(180_000);
  const { key, agents } = await setup(browser, "byoc-life");
  const [n1, n2] = [randomNumber(), randomNumber()].sort() as [string, string];

  // 1. The seed's body as written: its number is possible (+1 987 is no assigned area code,
  //    so it is accepted with a warning) but its agent ids are not this Space's: a 422 naming
  //    both agent fields, and nothing is made.
  const asWritten = await key.post(`${BYOC}/phone-numbers`, { data: seedCreate });
  expect(asWritten.status()).toBe(422);
  expect(asWritten.headers()["content-type"]).toContain("application/problem+json");
  expect((await asWritten.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["inboundAgentId", "outboundAgentId"]);
  expect((await (await key.get(`${BYOC}/phone-numbers`)).json()).total).toBe(0);

  // 2. The seed's body with this Space's agents and a real number: every other value as written.
  const created = await key.post(`${BYOC}/phone-numbers`, { data: { ...seedCreate, phoneNumber: n1, inboundAgentId: agents.support, outboundAgentId: agents.sales } });
  const createdText = await created.text();
  expect(created.status(), createdText).toBe(201);
  expect(createdText).not.toContain("your_sip_password");
  const first = JSON.parse(createdText);
  expect(first).toMatchObject({
    phoneNumber: n1,
    friendlyName: "Main Support Line",
    inboundAgentId: agents.support,
    outboundAgentId: agents.sales,
    terminationUri: "your-trunk.pstn.twilio.com",
    sipUsername: "your_sip_username",
    sipPasswordSet: true,
    sipAccount: { name: "your-trunk.pstn.twilio.com", phoneNumbers: [n1] },
    provisioning: { status: "provisioned" },
  });
  const accountId = first.sipAccount.id as string;
  const s1 = await liveKitState(accountId);
  expect(s1.inbound).toEqual([{ id: expect.any(String), numbers: [n1], user: "your_sip_username", password: "your_sip_password" }]);
  expect(s1.outbound).toEqual([{ id: expect.any(String), address: "your-trunk.pstn.twilio.com", numbers: [n1], user: "your_sip_username", password: "your_sip_password" }]);
  expect(s1.rules).toEqual([{ id: first.dispatchRuleId, numbers: [n1], trunkIds: [s1.inbound[0]!.id], agent: agents.support }]);
  const trunkIds = { inbound: s1.inbound[0]!.id, outbound: s1.outbound[0]!.id };

  // 3. The seed's update as written: its agent id is not this Space's, so nothing changes.
  const seedPut = await key.put(numberUrl(n1), { data: seedUpdate });
  expect(seedPut.status()).toBe(422);
  expect((await seedPut.json()).errors.map((e: { path: string }) => e.path)).toEqual(["inboundAgentId"]);
  expect(await liveKitState(accountId)).toEqual(s1);

  //    With this Space's agent: the rule and both trunks are updated in place (same ids).
  const updated = await key.put(numberUrl(n1), { data: { ...seedUpdate, inboundAgentId: agents.newSupport } });
  expect(updated.status(), await updated.text()).toBe(200);
  expect(await updated.json()).toMatchObject({ inboundAgentId: agents.newSupport, outboundAgentId: agents.sales, friendlyName: "Main Support Line", sipPasswordSet: true });
  const s3 = await liveKitState(accountId);
  expect(s3.inbound).toEqual([{ ...s1.inbound[0]!, password: "updated_password" }]);
  expect(s3.outbound).toEqual([{ ...s1.outbound[0]!, password: "updated_password" }]);
  expect(s3.rules).toEqual([{ ...s1.rules[0]!, agent: agents.newSupport }]);

  // 4. A second number with the same carrier and credentials shares the account and its trunks.
  const second = await key.post(`${BYOC}/phone-numbers`, { data: { phoneNumber: n2, terminationUri: "sip:your-trunk.pstn.twilio.com", sipUsername: "your_sip_username", sipPassword: "updated_password" } });
  expect(second.status(), await second.text()).toBe(201);
  expect(await second.json()).toMatchObject({ sipAccount: { id: accountId, phoneNumbers: [n1, n2] }, inboundAgentId: null, friendlyName: null });
  const s4 = await liveKitState(accountId);
  expect(s4.inbound.map((t) => [t.id, t.numbers])).toEqual([[trunkIds.inbound, [n1, n2]]]);
  expect(s4.outbound.map((t) => [t.id, t.numbers])).toEqual([[trunkIds.outbound, [n1, n2]]]);
  expect(s4.rules.map((r) => [r.numbers, r.agent])).toEqual([[[n1], agents.newSupport], [[n2], null]]);

  // 5. A password change through one number is the shared account's: both numbers use it.
  const rotated = await key.put(numberUrl(n2), { data: { sipPassword: "rotated_password", friendlyName: "Sales line" } });
  expect(rotated.status(), await rotated.text()).toBe(200);
  expect(await rotated.json()).toMatchObject({ friendlyName: "Sales line", sipAccount: { id: accountId, phoneNumbers: [n1, n2] } });
  const s5 = await liveKitState(accountId);
  expect(s5.inbound).toEqual([{ ...s4.inbound[0]!, password: "rotated_password" }]);
  expect(s5.outbound).toEqual([{ ...s4.outbound[0]!, password: "rotated_password" }]);
  expect(s5.rules).toEqual(s4.rules);
  expect(await (await key.get(numberUrl(n1))).json()).toMatchObject({ friendlyName: "Main Support Line", sipPasswordSet: true, sipAccount: { phoneNumbers: [n1, n2] } });
  // The old password no longer names that account: it would make a new one.
  const other = randomNumber();
  const stale = await key.post(`${BYOC}/phone-numbers`, { data: { phoneNumber: other, terminationUri: "your-trunk.pstn.twilio.com", sipUsername: "your_sip_username", sipPassword: "updated_password" } });
  expect(stale.status(), await stale.text()).toBe(201);
  const otherAccount = (await stale.json()).sipAccount;
  expect(otherAccount.id).not.toBe(accountId);
  expect(otherAccount.name).toBe("your-trunk.pstn.twilio.com (2)");
  expect((await trunksOf(otherAccount.id)).inbound.map((t) => t.numbers)).toEqual([[other]]);

  // 6. Refresh one number after LiveKit lost its rule: repaired in place, trunks untouched.
  await livekitSip().deleteSipDispatchRule(s5.rules[1]!.id);
  const refreshed = await key.post(`${BYOC}/trunks/refresh`, { data: { phoneNumber: n2 } });
  expect(refreshed.status(), await refreshed.text()).toBe(200);
  expect((await refreshed.json()).changes.length).toBeGreaterThan(0);
  const s6 = await liveKitState(accountId);
  expect(s6.inbound).toEqual(s5.inbound);
  expect(s6.outbound).toEqual(s5.outbound);
  expect(s6.rules[0]).toEqual(s5.rules[0]);
  expect(s6.rules.map((r) => [r.numbers, r.agent])).toEqual([[[n1], agents.newSupport], [[n2], null]]);

  // 7. Refresh all after LiveKit lost the other rule: the same, for every account of the Space.
  await livekitSip().deleteSipDispatchRule(s6.rules[0]!.id);
  const all = await key.post(`${BYOC}/trunks/refresh-all`);
  expect(all.status(), await all.text()).toBe(200);
  expect(await all.json()).toMatchObject({ total: 2, failed: [], changed: [{ accountId }] });
  const s7 = await liveKitState(accountId);
  expect(s7.inbound).toEqual(s5.inbound);
  expect(s7.outbound).toEqual(s5.outbound);
  expect(s7.rules[1]).toEqual(s6.rules[1]);
  expect(s7.rules.map((r) => [r.numbers, r.agent])).toEqual([[[n1], agents.newSupport], [[n2], null]]);

  // 8. Deleting one of two numbers: it leaves the trunks, its rule goes, the account stays.
  expect((await key.delete(numberUrl(n1))).status()).toBe(204);
  expect((await key.get(numberUrl(n1))).status()).toBe(404);
  const s8 = await liveKitState(accountId);
  expect(s8.inbound.map((t) => [t.id, t.numbers])).toEqual([[trunkIds.inbound, [n2]]]);
  expect(s8.outbound.map((t) => [t.id, t.numbers])).toEqual([[trunkIds.outbound, [n2]]]);
  expect(s8.rules.map((r) => r.numbers)).toEqual([[n2]]);

  // 9. Deleting the last number removes the account's trunks too.
  expect((await key.delete(numberUrl(n2))).status()).toBe(204);
  expect(await liveKitState(accountId)).toEqual({ inbound: [], outbound: [], rules: [] });
  const left = await (await key.get(`${BYOC}/phone-numbers`)).json();
  expect(left.items.map((i: { phoneNumber: string }) => i.phoneNumber)).toEqual([other]);
  expect((await trunksOf(otherAccount.id)).inbound).toHaveLength(1);
});

test("only an API key: no session, a member key reads but cannot write, another Space's key finds nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await setup(browser, "byoc-keys-a");
  const b = await setup(browser, "byoc-keys-b");
  const n = randomNumber();
  const body = { phoneNumber: n, terminationUri: "trunk.example.com:5061;transport=tls", sipUsername: "acme", sipPassword: "secret-a-long-enough", inboundAgentId: a.agents.support };
  const created = await a.key.post(`${BYOC}/phone-numbers`, { data: body });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).sipAccount.id as string;
  const before = await liveKitState(accountId);
  expect(before.outbound.map((t) => t.address)).toEqual(["trunk.example.com:5061"]);
  // The number in the path is accepted with its + as is and %2B-encoded alike.
  expect(await (await a.key.get(`${BYOC}/phone-numbers/${n}`)).json()).toMatchObject({ phoneNumber: n, terminationUri: "trunk.example.com:5061;transport=tls" });

  // A signed-in owner without a key: 401, the BYOC API takes no session.
  const sessionList = await a.session.get(`${BYOC}/phone-numbers`);
  expect(sessionList.status()).toBe(401);
  expect(sessionList.headers()["www-authenticate"]).toContain("Bearer");
  expect((await (await anonymousClient()).get(numberUrl(n))).status()).toBe(401);

  const memberKey = await keyClient((await createKey(a.session, a.spaceId, "MEMBER")).secret);
  expect((await memberKey.get(numberUrl(n))).status()).toBe(200);
  for (const [method, url, data] of [["put", numberUrl(n), { friendlyName: "x" }], ["delete", numberUrl(n), undefined], ["post", `${BYOC}/trunks/refresh`, { phoneNumber: n }], ["post", `${BYOC}/phone-numbers`, { ...body, phoneNumber: randomNumber() }]] as const) {
    expect((await memberKey.fetch(url, { method, data })).status(), `member key ${method} ${url}`).toBe(403);
  }

  // Space B's key: A's number is the same 404 as a missing one; binding it is the 409 of a taken number.
  for (const [method, url, data] of [["get", numberUrl(n), undefined], ["put", numberUrl(n), { sipPassword: "stolen-password" }], ["delete", numberUrl(n), undefined], ["post", `${BYOC}/trunks/refresh`, { phoneNumber: n }], ["get", numberUrl(randomNumber()), undefined]] as const) {
    const r = await b.key.fetch(url, { method, data });
    expect(r.status(), `B's key ${method} ${url}`).toBe(404);
    expect(await r.json()).toEqual(NOT_FOUND);
  }
  const taken = await b.key.post(`${BYOC}/phone-numbers`, { data: { ...body, inboundAgentId: b.agents.support } });
  expect(taken.status()).toBe(409);
  expect((await taken.json()).errors.map((e: { path: string }) => e.path)).toEqual(["phoneNumber"]);
  expect((await (await b.key.get(`${BYOC}/phone-numbers`)).json()).total).toBe(0);
  expect(await liveKitState(accountId)).toEqual(before);
});

test("field errors name the BYOC fields; unknown fields are a 400; no account is left behind", async ({ browser }) => {
  const { key, agents } = await setup(browser, "byoc-422");
  const n = randomNumber();
  const post = (data: Record<string, unknown>) => key.post(`${BYOC}/phone-numbers`, { data });
  const paths = async (r: Awaited<ReturnType<typeof post>>) => [...new Set(((await r.json()).errors as { path: string }[]).map((e) => e.path))].sort();

  const unknown = await post({ phoneNumber: n, terminationUri: "trunk.example.com", spaceId: "x" });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).errors).toEqual([{ path: "spaceId", message: "Not a field of this resource." }]);

  const cases: [Record<string, unknown>, string[]][] = [
    [{ phoneNumber: n, terminationUri: "sip:alice@trunk.example.com" }, ["terminationUri"]],
    [{ phoneNumber: n, terminationUri: "trunk.example.com;transport=sctp" }, ["terminationUri"]],
    [{ phoneNumber: n }, ["terminationUri"]],
    // A username without its password: the account's own pair rule, named by the BYOC field.
    [{ phoneNumber: n, terminationUri: "trunk.example.com", sipUsername: "acme" }, ["sipPassword"]],
    // No credentials and no account to reuse: a new account would accept calls from anyone.
    [{ phoneNumber: n, terminationUri: "trunk.example.com" }, ["sipUsername"]],
    [{ phoneNumber: n, terminationUri: "trunk.example.com", sipUsername: "acme", sipPassword: "acme-password", outboundAgentId: "agent_sales" }, ["outboundAgentId"]],
  ];
  for (const [data, expected] of cases) {
    const r = await post(data);
    expect(r.status(), JSON.stringify(data)).toBe(422);
    expect(await paths(r), JSON.stringify(data)).toEqual(expected);
  }
  expect((await (await key.get(`${BYOC}/phone-numbers`)).json()).total).toBe(0);

  const ok = await post({ phoneNumber: n, terminationUri: "trunk.example.com", sipUsername: "acme", sipPassword: "acme-password", inboundAgentId: agents.support });
  expect(ok.status()).toBe(201);
  const accountId = (await ok.json()).sipAccount.id as string;
  const before = await liveKitState(accountId);
  // A PUT that clears the password alone breaks the account's pair rule: nothing changes.
  const bad = await key.put(numberUrl(n), { data: { sipPassword: null, friendlyName: "kept?" } });
  expect(bad.status()).toBe(422);
  expect(await paths(bad)).toEqual(["sipUsername"]);
  expect(await (await key.get(numberUrl(n))).json()).toMatchObject({ friendlyName: null, sipPasswordSet: true });
  expect(await liveKitState(accountId)).toEqual(before);
});
