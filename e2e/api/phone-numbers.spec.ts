import { expect, test, type Browser, type Page } from "@playwright/test";
import { newUser, signUp, type TestUser } from "../fixtures";
import { dispatchRulesOf, inboundTrunksWith, trunksOf } from "../livekit";
import { bindViaApi, createAccountViaApi, createAgentViaApi, randomNumber, spaced } from "../phone-numbers";

// The REST face of phone numbers: one live owner per number across Spaces, guaranteed by the
// database under concurrency, and answers that reveal nothing of another Space.

const base = (spaceId: string) => `/api/v1/spaces/${spaceId}/phone-numbers`;
// Another Space's fresh, unverified binding (README: Number ownership): the answer says only that, and from which hour it may be claimed.
const TAKEN_HERE = /^This number is already bound to another Custom SIP account \(possibly in another Space\)\. Use a different number or remove the prior binding\.$/;
const HELD = /^This number is bound, unverified, to another Custom SIP account \(possibly in another Space\) since less than 72 hours\. From \d{4}-\d\d-\d\d \d\d:00 UTC it can be claimed if that binding is still unverified\.$/;

type Tenant = { page: Page; user: TestUser; spaceId: string; accountId: string; accountName: string };

async function tenant(browser: Browser, label: string): Promise<Tenant> {
  const page = await (await browser.newContext()).newPage();
  const user = newUser(label);
  const spaceId = await signUp(page, user);
  const accountName = `PBX of ${user.spaceName}`;
  const accountId = await createAccountViaApi(page.request, spaceId, accountName);
  return { page, user, spaceId, accountId, accountName };
}

test("a number bound in one Space is a 409 in another, and the answer names nothing of the first", async ({ browser }) => {
  const a = await tenant(browser, "pn-409-a");
  const b = await tenant(browser, "pn-409-b");
  const n = randomNumber();
  const bound = await bindViaApi(a.page.request, a.spaceId, a.accountId, n, { label: "Secret label of A" });

  // Any spelling of the same number is the same number.
  for (const number of [n, spaced(n)]) {
    const response = await b.page.request.post(base(b.spaceId), { data: { accountId: b.accountId, number } });
    expect(response.status()).toBe(409);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ type: "about:blank", title: "Conflict", status: 409, detail: expect.stringMatching(HELD), errors: [{ path: "number", message: expect.stringMatching(HELD) }] });
    for (const secret of [a.spaceId, a.accountId, a.accountName, a.user.email, a.user.spaceName, a.user.name, bound.id, bound.dispatchRuleId, "Secret label of A"]) {
      expect(text).not.toContain(secret);
    }
  }
  expect((await (await b.page.request.get(base(b.spaceId))).json()).total).toBe(0);
  // Nothing of B reached LiveKit; A's number is still on A's trunk only.
  expect(await dispatchRulesOf(b.accountId)).toEqual([]);
  expect((await inboundTrunksWith(n)).map((t) => t.sipTrunkId)).toEqual([(await trunksOf(a.accountId)).inbound[0]!.sipTrunkId]);
});

test("50 concurrent binds of one number from 3 Spaces: exactly one 201 and 49 409s, one trunk in LiveKit", async ({ browser }) => {
  test.setTimeout(180_000);
  const tenants = [await tenant(browser, "pn-race-a"), await tenant(browser, "pn-race-b"), await tenant(browser, "pn-race-c")];
  const n = randomNumber();
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) => {
      const t = tenants[i % 3]!;
      return t.page.request.post(base(t.spaceId), { data: { accountId: t.accountId, number: n }, timeout: 120_000 }).then(async (r) => ({ t, status: r.status(), body: await r.json() }));
    }),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  const winner = responses.find((r) => r.status === 201)!.t;
  // The winner's own Space hears that the number is taken; the others that it is held, unverified.
  for (const r of responses.filter((x) => x.status === 409)) expect(r.body.detail).toMatch(r.t === winner ? TAKEN_HERE : HELD);

  const trunks = await inboundTrunksWith(n);
  expect(trunks.map((t) => t.sipTrunkId)).toEqual([(await trunksOf(winner.accountId)).inbound[0]!.sipTrunkId]);
  expect((await dispatchRulesOf(winner.accountId)).map((r) => r.numbers)).toEqual([[n]]);
  for (const t of tenants) {
    const list = await (await t.page.request.get(base(t.spaceId))).json();
    expect(list.total).toBe(t === winner ? 1 : 0);
    if (t !== winner) expect(await dispatchRulesOf(t.accountId)).toEqual([]);
  }
});

test("validation: 422 on the field for a bad number, 400 for fields the API does not take, agents only from the Space", async ({ browser }) => {
  const a = await tenant(browser, "pn-422-a");
  const b = await tenant(browser, "pn-422-b");
  for (const [number, reason] of [["+1 415 555 2671 ext. 12", /extension/], ["+1-800-FLOWERS", /letters/], ["+1 415 555 267", /not a valid number/], ["", /Enter a phone number/]] as const) {
    const response = await a.page.request.post(base(a.spaceId), { data: { accountId: a.accountId, number } });
    expect(response.status()).toBe(422);
    const body = await response.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toBe("number");
    expect(body.errors[0].message).toMatch(reason);
  }
  const extra = await a.page.request.post(base(a.spaceId), { data: { accountId: a.accountId, number: randomNumber(), spaceId: b.spaceId } });
  expect(extra.status()).toBe(400);

  // Another Space's account or agent is refused like a missing one.
  const otherAccount = await a.page.request.post(base(a.spaceId), { data: { accountId: b.accountId, number: randomNumber() } });
  expect(otherAccount.status()).toBe(422);
  expect((await otherAccount.json()).errors).toEqual([{ path: "accountId", message: "Choose a Custom SIP account of this Space." }]);
  const foreignAgent = await createAgentViaApi(b.page.request, b.spaceId, "B's agent");
  const otherAgent = await a.page.request.post(base(a.spaceId), { data: { accountId: a.accountId, number: randomNumber(), inboundAgentId: foreignAgent } });
  expect(otherAgent.status()).toBe(422);
  expect((await otherAgent.json()).errors).toEqual([{ path: "inboundAgentId", message: "Choose an agent of this Space." }]);
  expect((await (await a.page.request.get(base(a.spaceId))).json()).total).toBe(0);

  // Possible but not a known number of its plan (+7 then 1): bound, with a warning to check it.
  const unknown = `+7123${String(Date.now()).slice(-7)}`;
  const possible = await a.page.request.post(base(a.spaceId), { data: { accountId: a.accountId, number: unknown } });
  expect(possible.status(), await possible.text()).toBe(201);
  expect(await possible.json()).toMatchObject({ number: unknown, warning: expect.stringMatching(/not a known number of its country's numbering plan/) });
  const known = await a.page.request.post(base(a.spaceId), { data: { accountId: a.accountId, number: randomNumber() } });
  expect((await known.json()).warning).toBeNull();
  expect((await (await a.page.request.get(base(a.spaceId))).json()).total).toBe(2);
});

test("get, patch and unbind; another Space's number is a 404; a released number is free again", async ({ browser }) => {
  const a = await tenant(browser, "pn-crud-a");
  const b = await tenant(browser, "pn-crud-b");
  const agent = await createAgentViaApi(a.page.request, a.spaceId, "Night shift");
  const n = randomNumber();
  const bound = await bindViaApi(a.page.request, a.spaceId, a.accountId, n, { label: "Main line" });

  for (const [method, path] of [["get", `${base(b.spaceId)}/${bound.id}`], ["get", `${base(a.spaceId)}/${bound.id}`], ["patch", `${base(a.spaceId)}/${bound.id}`], ["delete", `${base(a.spaceId)}/${bound.id}`]] as const) {
    const response = await b.page.request[method](path, method === "patch" ? { data: { label: "x" } } : {});
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(await response.text()).not.toContain(n);
  }

  const patched = await a.page.request.patch(`${base(a.spaceId)}/${bound.id}`, { data: { inboundAgentId: agent } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ number: n, label: "Main line", inboundAgent: { id: agent, name: "Night shift" }, dispatchRuleId: bound.dispatchRuleId, provisioning: { status: "provisioned" } });
  const cleared = await a.page.request.patch(`${base(a.spaceId)}/${bound.id}`, { data: { label: null } });
  expect(await cleared.json()).toMatchObject({ label: null, inboundAgent: { id: agent } });

  const byDigits = await (await a.page.request.get(`${base(a.spaceId)}?q=${encodeURIComponent(n.slice(-6))}`)).json();
  expect(byDigits.items.map((i: { number: string }) => i.number)).toEqual([n]);

  expect((await a.page.request.delete(`${base(a.spaceId)}/${bound.id}`)).status()).toBe(204);
  expect((await a.page.request.get(`${base(a.spaceId)}/${bound.id}`)).status()).toBe(404);
  expect(await dispatchRulesOf(a.accountId)).toEqual([]);
  // Unbound, the number can go to another Space.
  await bindViaApi(b.page.request, b.spaceId, b.accountId, n);
  expect((await inboundTrunksWith(n)).map((t) => t.sipTrunkId)).toEqual([(await trunksOf(b.accountId)).inbound[0]!.sipTrunkId]);
});

test("deleting an account removes its numbers' dispatch rules and frees the numbers", async ({ browser }) => {
  const a = await tenant(browser, "pn-accdel-a");
  const b = await tenant(browser, "pn-accdel-b");
  const n = randomNumber();
  await bindViaApi(a.page.request, a.spaceId, a.accountId, n);
  expect(await dispatchRulesOf(a.accountId)).toHaveLength(1);

  expect((await a.page.request.delete(`/api/v1/spaces/${a.spaceId}/sip-accounts/${a.accountId}`)).status()).toBe(204);
  expect(await dispatchRulesOf(a.accountId)).toEqual([]);
  expect(await trunksOf(a.accountId)).toEqual({ inbound: [], outbound: [] });
  expect((await (await a.page.request.get(base(a.spaceId))).json()).total).toBe(0);
  await bindViaApi(b.page.request, b.spaceId, b.accountId, n);
});
