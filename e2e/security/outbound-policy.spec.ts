import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAccountViaApi, numberRow, randomNumber } from "../phone-numbers";

// Toll fraud from the outside: a tenant placing calls to premium-rate numbers or to countries
// its account does not serve is refused with the reason (422 on the number's field) and
// nothing is queued; a Space over its own caps is answered 429 with Retry-After. The
// fixture account dials pbx.example.com, which does not resolve here: a call that gets
// through is queued (201) and fails in the background, which is all these tests need.

const calls = (spaceId: string) => `/api/v1/spaces/${spaceId}/calls`;

test("a premium-rate number and another country are refused on the Destination field; allowing the country lets the call through", async ({ page }) => {
  const spaceId = await signUp(page, newUser("policy-console"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Policy PBX");
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, from);

  await page.goto(`/s/${spaceId}/phone-numbers`);
  await numberRow(page, from).getByRole("button", { name: from }).click();
  const form = page.getByRole("form", { name: "Place test call" });
  const destination = form.getByLabel("Destination");
  await destination.fill("+19005551234");
  await form.getByRole("button", { name: "Place test call" }).click();
  await expect(destination).toHaveAccessibleDescription(/\+19005551234 is a premium-rate number; this account does not call premium-rate or other special numbers\./);
  await destination.fill("+4915112345678");
  await form.getByRole("button", { name: "Place test call" }).click();
  await expect(destination).toHaveAccessibleDescription(/Germany \(DE\); this account may call United States \(US\) only/);
  expect(((await (await page.request.get(calls(spaceId))).json()) as { items: unknown[] }).items).toHaveLength(0);

  // REST says the same, as a 422 on `to`.
  const refused = await page.request.post(calls(spaceId), { data: { from, to: "+448712345678" } });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ errors: [{ path: "to", message: "+448712345678 is a premium-rate number; this account does not call premium-rate or other special numbers." }] });

  const patched = await page.request.patch(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}`, { data: { allowedDestinationCountries: ["US", "DE"] } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect(await patched.json()).toMatchObject({ allowedDestinationCountries: ["US", "DE"], allowSpecialNumbers: false });
  await form.getByRole("button", { name: "Place test call" }).click();
  await expect(form.getByRole("status")).toContainText("Call queued.");
  expect(((await (await page.request.get(calls(spaceId))).json()) as { items: { to: string }[] }).items.map((c) => c.to)).toEqual(["+4915112345678"]);
});

test("a Space's own caps, set in Settings, answer 429 with Retry-After for calls and batches over them", async ({ page }) => {
  const spaceId = await signUp(page, newUser("policy-caps"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Caps PBX");
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, from);

  await page.goto(`/s/${spaceId}/settings/platform`);
  const caps = page.getByRole("form", { name: "Outbound caps" });
  await caps.getByLabel("Calls per minute").fill("2");
  await caps.getByLabel("Calls per day (UTC)").fill("4");
  await caps.getByRole("button", { name: "Save caps" }).click();
  await expect(caps.getByText("Outbound caps saved.")).toBeVisible();
  expect(await (await page.request.get(`/api/v1/spaces/${spaceId}/outbound-caps`)).json()).toMatchObject({ own: { callsPerMinute: 2, callsPerDay: 4, concurrentCalls: null }, effective: { callsPerMinute: 2, callsPerDay: 4 } });

  for (let i = 0; i < 2; i++) expect((await page.request.post(calls(spaceId), { data: { from, to: randomNumber() } })).status()).toBe(201);
  const third = await page.request.post(calls(spaceId), { data: { from, to: randomNumber() } });
  expect(third.status()).toBe(429);
  const wait = Number(third.headers()["retry-after"]);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(60);
  expect(await third.json()).toMatchObject({ status: 429, detail: `This Space may place 2 calls per minute; try again in ${wait} s.` });

  // A batch (scheduled, so the dispatcher paces it) counts against the daily cap whole: 2 used, 3 more do not fit.
  const later = new Date(Date.now() + 3_600_000).toISOString();
  const batch = (n: number) => ({ from, scheduledAt: later, destinations: Array.from({ length: n }, () => ({ to: randomNumber() })) });
  const over = await page.request.post(`/api/v1/spaces/${spaceId}/calls/batch`, { data: batch(3) });
  expect(over.status()).toBe(429);
  expect((await over.json()).detail).toMatch(/^This Space may place 4 calls per day \(UTC\) and these 3 calls would go over it; try again in \d+ s, or send fewer\.$/);
  expect((await page.request.post(`/api/v1/spaces/${spaceId}/calls/batch`, { data: batch(2) })).status()).toBe(201);
  expect(((await (await page.request.get(calls(spaceId))).json()) as { items: unknown[] }).items).toHaveLength(4);

  // A cap above the deployment's limit is refused on its field.
  const tooHigh = await page.request.patch(`/api/v1/spaces/${spaceId}/outbound-caps`, { data: { concurrentCalls: 1_000_001 } });
  expect(tooHigh.status()).toBe(422);
});
