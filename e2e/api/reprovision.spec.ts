import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { dispatchRulesOf, livekitSip, trunksOf } from "../livekit";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";

const url = (spaceId: string, accountId: string, action: string) => `/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/${action}`;

function ids(t: Awaited<ReturnType<typeof trunksOf>>) {
  return { inbound: t.inbound.map((x) => x.sipTrunkId), outbound: t.outbound.map((x) => x.sipTrunkId) };
}

test("Reprovision ten times in a row: trunk and rule ids and counts unchanged", async ({ page }) => {
  const spaceId = await signUp(page, newUser("reprov-10"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Stable PBX");
  await bindViaApi(page.request, spaceId, accountId, randomNumber());
  const trunks = ids(await trunksOf(accountId));
  const rules = (await dispatchRulesOf(accountId)).map((r) => r.sipDispatchRuleId);
  for (let i = 0; i < 10; i++) {
    const response = await page.request.post(url(spaceId, accountId, "reprovision"));
    expect(response.status()).toBe(200);
    expect((await response.json()).changes).toEqual([]);
  }
  expect(ids(await trunksOf(accountId))).toEqual(trunks);
  expect((await dispatchRulesOf(accountId)).map((r) => r.sipDispatchRuleId)).toEqual(rules);
});

test("concurrent Reprovisions of one account never create twice", async ({ page }) => {
  const spaceId = await signUp(page, newUser("reprov-race"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Race PBX");
  const before = await trunksOf(accountId);
  await livekitSip().deleteSipTrunk(before.inbound[0]!.sipTrunkId);
  const responses = await Promise.all(Array.from({ length: 5 }, () => page.request.post(url(spaceId, accountId, "reprovision"))));
  expect(responses.map((r) => r.status())).toEqual([200, 200, 200, 200, 200]);
  const changes = await Promise.all(responses.map(async (r) => (await r.json()).changes as string[]));
  expect(changes.filter((c) => c.includes("Created the inbound trunk"))).toHaveLength(1);
  const after = await trunksOf(accountId);
  expect(after.inbound).toHaveLength(1);
  expect(after.outbound.map((t) => t.sipTrunkId)).toEqual(before.outbound.map((t) => t.sipTrunkId));
});

test("Verify over the API reports the five checks; refresh-all summarises", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-api"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Api Verify PBX");
  const report = await (await page.request.post(url(spaceId, accountId, "verify"))).json();
  expect(report.checks.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
    ["Local config", "ok"],
    ["Inbound trunk", "ok"],
    ["Outbound trunk", "ok"],
    ["Numbers in sync", "ok"],
    // The fixture's pbx.example.com does not resolve here (e2e/console/verify-reprovision.spec.ts
    // has a sipp PBX answering the probe).
    ["PBX reachable", "failed"],
  ]);
  expect(report.ok).toBe(false);
  expect(report.liveKitReachable).toBe(true);
  const summary = await (await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts/refresh-all`)).json();
  expect(summary).toMatchObject({ total: 1, unchanged: 1, changed: [], failed: [] });
});
