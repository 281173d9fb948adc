import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { trunksOf } from "../livekit";
import { randomNumber } from "../phone-numbers";

// The REST face of Custom SIP accounts: the same rules as the form, enforced on the server.

const base = (spaceId: string) => `/api/v1/spaces/${spaceId}/sip-accounts`;
const valid = { accountName: "Api PBX", sipServerAddress: "pbx.example.com", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] };

test("a request that bypasses the form is refused on the pair invariant, with field errors and nothing saved", async ({ page }) => {
  const spaceId = await signUp(page, newUser("api-pair"));
  const response = await page.request.post(base(spaceId), { data: { ...valid, outboundUsername: "user-without-password", inboundPassword: "password-without-user" } });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body.errors).toEqual(
    expect.arrayContaining([
      { path: "outboundPassword", message: "Enter the password too, or clear the username." },
      { path: "inboundUsername", message: "Enter the username too, or clear the password." },
    ]),
  );
  expect((await (await page.request.get(base(spaceId))).json()).items).toEqual([]);
});

test("fields the API does not accept are refused (no mass assignment)", async ({ page }) => {
  const spaceId = await signUp(page, newUser("api-mass"));
  for (const extra of [{ spaceId: "other" }, { inboundTrunkId: "ST_fake" }, { provisioningStatus: "provisioned" }]) {
    const response = await page.request.post(base(spaceId), { data: { ...valid, ...extra } });
    expect(response.status()).toBe(400);
  }
  expect((await (await page.request.get(base(spaceId))).json()).items).toEqual([]);
});

test("create, read and patch: passwords never come back, absent keeps, null clears, a value replaces", async ({ page }) => {
  const spaceId = await signUp(page, newUser("api-crud"));
  const canary = "canary-Pa55word-9f1c";
  const created = await page.request.post(base(spaceId), { data: { ...valid, outboundUsername: "out", outboundPassword: canary } });
  expect(created.status()).toBe(201);
  const text = await created.text();
  expect(text).not.toContain(canary);
  const account = JSON.parse(text);
  expect(account.outboundPasswordSet).toBe(true);
  const id = account.id as string;

  const kept = await page.request.patch(`${base(spaceId)}/${id}`, { data: { destinationCountry: "GB" } });
  expect(kept.status()).toBe(200);
  expect((await trunksOf(id)).outbound[0]!.authPassword === canary, "absent password is kept").toBe(true);

  const cleared = await page.request.patch(`${base(spaceId)}/${id}`, { data: { outboundUsername: null, outboundPassword: null } });
  expect(cleared.status()).toBe(200);
  expect((await cleared.json()).outboundPasswordSet).toBe(false);
  expect((await trunksOf(id)).outbound[0]!.authUsername).toBe("");

  const replaced = await page.request.patch(`${base(spaceId)}/${id}`, { data: { outboundUsername: "out2", outboundPassword: "new-secret" } });
  expect(replaced.status()).toBe(200);
  expect((await trunksOf(id)).outbound[0]!.authPassword === "new-secret", "value replaces").toBe(true);

  const clearOnlyPassword = await page.request.patch(`${base(spaceId)}/${id}`, { data: { outboundPassword: null } });
  expect(clearOnlyPassword.status()).toBe(422);
  expect((await clearOnlyPassword.json()).errors[0].path).toBe("outboundUsername");
});

test("another Space's account is a 404, the same as a missing one", async ({ browser }) => {
  const pageA = await (await browser.newContext()).newPage();
  const pageB = await (await browser.newContext()).newPage();
  const spaceA = await signUp(pageA, newUser("api-a"));
  const spaceB = await signUp(pageB, newUser("api-b"));
  const created = await pageB.request.post(base(spaceB), { data: valid });
  const id = (await created.json()).id as string;

  const viaOwnSpace = await pageA.request.get(`${base(spaceA)}/${id}`);
  const viaOtherSpace = await pageA.request.get(`${base(spaceB)}/${id}`);
  const missing = await pageA.request.get(`${base(spaceA)}/does-not-exist`);
  expect(viaOwnSpace.status()).toBe(404);
  expect(viaOtherSpace.status()).toBe(404);
  expect(missing.status()).toBe(404);
  expect(await viaOwnSpace.json()).toEqual(await missing.json());
  expect(await viaOtherSpace.text()).not.toContain("Api PBX");
  const del = await pageA.request.delete(`${base(spaceA)}/${id}`);
  expect(del.status()).toBe(404);
});

test("the seed's transport labels in any case, a tel: URI as the number, and ?accountId= on the numbers list", async ({ page }) => {
  const spaceId = await signUp(page, newUser("api-labels"));
  const created = await page.request.post(base(spaceId), { data: { ...valid, sipTransport: "Auto" } });
  expect(created.status(), await created.text()).toBe(201);
  const account = await created.json();
  expect(account.sipTransport).toBe("auto");
  const patched = await page.request.patch(`${base(spaceId)}/${account.id}`, { data: { sipTransport: "UDP" } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect((await patched.json()).sipTransport).toBe("udp");
  const refused = await page.request.post(base(spaceId), { data: { ...valid, accountName: "Wss PBX", sipTransport: "WSS" } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([{ path: "sipTransport", message: "Use auto, udp, tcp or tls (any case, as in Auto or UDP)." }]);

  const other = await page.request.post(base(spaceId), { data: { ...valid, accountName: "Other PBX", sipTransport: "tls" } });
  expect(other.status()).toBe(201);
  const number = randomNumber();
  const bound = await page.request.post(`/api/v1/spaces/${spaceId}/phone-numbers`, { data: { accountId: account.id, number: `tel:${number}` } });
  expect(bound.status(), await bound.text()).toBe(201);
  expect((await bound.json()).number).toBe(number);

  const mine = await page.request.get(`/api/v1/spaces/${spaceId}/phone-numbers?accountId=${account.id}`);
  expect((await mine.json()).items.map((n: { number: string }) => n.number)).toEqual([number]);
  const none = await page.request.get(`/api/v1/spaces/${spaceId}/phone-numbers?accountId=${(await other.json()).id}`);
  expect(await none.json()).toMatchObject({ items: [], total: 0 });
  const list = await page.request.get(base(spaceId));
  const counts = Object.fromEntries((await list.json()).items.map((a: { accountName: string; numbersCount: number }) => [a.accountName, a.numbersCount]));
  expect(counts).toEqual({ "Api PBX": 1, "Other PBX": 0 });
});
