import { expect, test, type Page } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { dispatchRulesOf, livekitSip, startLiveKitServer, stopLiveKitServer, trunksOf } from "../livekit";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";
import { startPbx, type Pbx } from "../sipp/pbx-uas";
import { card, openCustomSipDrawer } from "../sip-account-form";

// Verify and Reprovision against the real LiveKit: drift is made behind the console's back
// with LiveKit's own API, Verify must name it, Reprovision must repair it in place.

function check(page: Page, account: string, name: string) {
  return card(page, account).getByTestId(`check-${name}`);
}

async function verify(page: Page, account: string) {
  await card(page, account).getByRole("button", { name: "Verify" }).click();
  await expect(card(page, account).getByRole("region", { name: "Verify results" })).toBeVisible();
  await expect(card(page, account).getByRole("button", { name: "Verify" })).toBeEnabled();
}

/**
 * Fails with what sipp (the PBX) saw when "PBX reachable" is not OK: whether the edge's OPTIONS
 * reached it and it answered, so a rare failure in CI says on which side the probe was lost.
 */
async function expectPbxAnswered(page: Page, account: string, pbx: Pbx) {
  const probe = check(page, account, "PBX reachable");
  await expect(probe).toContainText(/^PBX reachable\s*(OK|Failed|Skipped)/);
  const text = await probe.innerText();
  if (/^PBX reachable\s*OK/.test(text)) return;
  pbx.stop();
  const seen = await pbx.done;
  throw new Error(`PBX reachable is not OK: ${text}\nsipp exited with ${seen.exitCode}; its message trace:\n${seen.messages || "(no SIP message reached it)"}\nits output:\n${seen.output}`);
}

async function reprovision(page: Page, account: string) {
  await card(page, account).getByRole("button", { name: "Reprovision" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Reprovision this account?" });
  await expect(dialog.getByTestId("active-calls")).toContainText("0 calls are active on this account right now.");
  return dialog;
}

test("Verify: all five checks OK (sipp answers the PBX probe), outbound and the probe Skipped without a SIP server", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-ok"));
  const pbx = await startPbx({ kind: "options" }, { calls: 1, timeoutSeconds: 60 });
  const accountId = await createAccountViaApi(page.request, spaceId, "Verified PBX", `127.0.0.1:${pbx.port}`);
  await bindViaApi(page.request, spaceId, accountId, randomNumber());
  const noServer = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Inbound only", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  expect(noServer.status()).toBe(201);

  await openCustomSipDrawer(page, spaceId);
  await verify(page, "Verified PBX");
  await expectPbxAnswered(page, "Verified PBX", pbx);
  for (const name of ["Local config", "Inbound trunk", "Outbound trunk", "Numbers in sync", "PBX reachable"]) {
    await expect(check(page, "Verified PBX", name)).toContainText("OK");
  }
  await expect(check(page, "Verified PBX", "PBX reachable")).toContainText(/answered SIP OPTIONS with 200 OK in \d+ ms/);
  await expect(card(page, "Verified PBX").getByText("all checks passed")).toBeVisible();
  expect((await pbx.done).exitCode).toBe(0);

  await verify(page, "Inbound only");
  await expect(check(page, "Inbound only", "Outbound trunk")).toContainText("Skipped");
  await expect(check(page, "Inbound only", "Outbound trunk")).toContainText("no SIP server address");
  await expect(check(page, "Inbound only", "PBX reachable")).toContainText("Skipped");

  // The accounts list shows each PBX's health as the last Verify found it.
  await page.goto(`/s/${spaceId}/sip-accounts`);
  const health = (name: string) => page.getByTestId("sip-account-row").filter({ has: page.getByRole("link", { name, exact: true }) }).getByTestId("pbx-health");
  await expect(health("Verified PBX")).toContainText(/Reachable · \d+ ms/);
  await expect(health("Inbound only")).toHaveText("Not probed");
});

test("PBX reachable fails with the cause: a name that does not resolve, and a PBX that never answers", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-pbx-down"));
  await createAccountViaApi(page.request, spaceId, "Unknown host PBX");
  // A port nothing listens on: the probe waits its 5 s and says what to check.
  await createAccountViaApi(page.request, spaceId, "Silent PBX", "127.0.0.1:9");
  await openCustomSipDrawer(page, spaceId);
  await verify(page, "Unknown host PBX");
  await expect(check(page, "Unknown host PBX", "PBX reachable")).toContainText("Failed");
  await expect(check(page, "Unknown host PBX", "PBX reachable")).toContainText("The name pbx.example.com does not resolve");
  await verify(page, "Silent PBX");
  await expect(check(page, "Silent PBX", "PBX reachable")).toContainText("No answer to SIP OPTIONS within 5 s");
  await expect(check(page, "Silent PBX", "PBX reachable")).toContainText("Are Our SIP server IPs");
  // Not LiveKit's doing: its checks stay OK.
  await expect(check(page, "Silent PBX", "Inbound trunk")).toContainText("OK");

  await page.goto(`/s/${spaceId}/sip-accounts`);
  const silent = page.getByTestId("sip-account-row").filter({ has: page.getByRole("link", { name: "Silent PBX", exact: true }) }).getByTestId("pbx-health");
  await expect(silent).toHaveText("Unreachable");
  await expect(silent.locator("[title]")).toHaveAttribute("title", /No answer to SIP OPTIONS within 5 s/);
});

test("drift made in LiveKit is named by Verify and repaired in place by Reprovision", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-drift"));
  // Answers the PBX probe of each Verify: two, and the one in Reprovision's preview.
  const pbx = await startPbx({ kind: "options" }, { calls: 3, timeoutSeconds: 90 });
  const accountId = await createAccountViaApi(page.request, spaceId, "Drift PBX", `127.0.0.1:${pbx.port}`);
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);
  const before = await trunksOf(accountId);
  const sip = livekitSip();

  // An inbound trunk edited behind the console's back, a number removed from the outbound
  // trunk and the number's dispatch rule deleted.
  const inbound = before.inbound[0]!;
  inbound.allowedAddresses = ["127.0.0.1", "203.0.113.7"];
  await sip.updateSipInboundTrunk(inbound.sipTrunkId, inbound);
  const outbound = before.outbound[0]!;
  outbound.numbers = ["+14155550000"];
  await sip.updateSipOutboundTrunk(outbound.sipTrunkId, outbound);
  for (const rule of await dispatchRulesOf(accountId)) await sip.deleteSipDispatchRule(rule.sipDispatchRuleId);

  await openCustomSipDrawer(page, spaceId);
  await verify(page, "Drift PBX");
  await expect(check(page, "Drift PBX", "Inbound trunk")).toContainText("Failed");
  await expect(check(page, "Drift PBX", "Inbound trunk")).toContainText("203.0.113.7");
  await expect(check(page, "Drift PBX", "Inbound trunk")).toContainText("Fix: Reprovision");
  await expect(check(page, "Drift PBX", "Numbers in sync")).toContainText(`missing from the outbound trunk: ${number}`);
  await expect(check(page, "Drift PBX", "Numbers in sync")).toContainText("+14155550000");
  await expect(check(page, "Drift PBX", "Numbers in sync")).toContainText(`no dispatch rule for ${number}`);

  const dialog = await reprovision(page, "Drift PBX");
  await expect(dialog.getByTestId("reprovision-preview")).toContainText("Inbound trunk");
  await expect(dialog.getByTestId("reprovision-preview")).toContainText("Numbers in sync");
  await dialog.getByRole("button", { name: "Reprovision" }).click();
  await expect(page.getByText(/^Reprovisioned: /)).toBeVisible();

  await verify(page, "Drift PBX");
  await expect(card(page, "Drift PBX").getByText("all checks passed")).toBeVisible();
  const after = await trunksOf(accountId);
  expect(after.inbound.map((t) => t.sipTrunkId)).toEqual([inbound.sipTrunkId]);
  expect(after.outbound.map((t) => t.sipTrunkId)).toEqual([outbound.sipTrunkId]);
  expect(after.inbound[0]!.allowedAddresses).toEqual(["127.0.0.1"]);
  expect(after.outbound[0]!.numbers).toEqual([number]);
  expect(await dispatchRulesOf(accountId)).toHaveLength(1);
  pbx.stop();
});

test("a trunk deleted in LiveKit: Verify fails it, Reprovision creates it again", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-deleted"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Deleted PBX");
  const before = await trunksOf(accountId);
  await livekitSip().deleteSipTrunk(before.outbound[0]!.sipTrunkId);

  await openCustomSipDrawer(page, spaceId);
  await verify(page, "Deleted PBX");
  await expect(check(page, "Deleted PBX", "Outbound trunk")).toContainText("LiveKit has no outbound trunk for this account");
  await expect(check(page, "Deleted PBX", "Inbound trunk")).toContainText("OK");
  const dialog = await reprovision(page, "Deleted PBX");
  await dialog.getByRole("button", { name: "Reprovision" }).click();
  await expect(page.getByText("Reprovisioned: Created the outbound trunk.")).toBeVisible();
  const after = await trunksOf(accountId);
  expect(after.outbound).toHaveLength(1);
  expect(after.inbound.map((t) => t.sipTrunkId)).toEqual([before.inbound[0]!.sipTrunkId]);
});

test("LiveKit down: Verify says LiveKit unreachable and changes nothing", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-down"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Down PBX");
  const before = await trunksOf(accountId);
  await openCustomSipDrawer(page, spaceId);
  stopLiveKitServer();
  try {
    await verify(page, "Down PBX");
    await expect(check(page, "Down PBX", "Local config")).toContainText("OK");
    for (const name of ["Inbound trunk", "Outbound trunk", "Numbers in sync"]) {
      await expect(check(page, "Down PBX", name)).toContainText("Failed");
      await expect(check(page, "Down PBX", name)).toContainText("LiveKit unreachable");
    }
  } finally {
    startLiveKitServer();
  }
  expect(await trunksOf(accountId)).toEqual(before);
  await expect(card(page, "Down PBX").getByText("Provisioned", { exact: true })).toBeVisible();
});

test("Recreate from scratch sits behind a second confirmation that warns calls will drop", async ({ page }) => {
  const spaceId = await signUp(page, newUser("recreate"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Recreate PBX");
  const before = await trunksOf(accountId);
  await openCustomSipDrawer(page, spaceId);
  const dialog = await reprovision(page, "Recreate PBX");
  await expect(dialog.getByTestId("reprovision-preview")).toHaveText("LiveKit already matches the console: nothing will change.");
  await dialog.getByRole("button", { name: "Recreate from scratch…" }).click();
  const second = page.getByRole("alertdialog", { name: "Recreate from scratch?" });
  await expect(second).toContainText("Any active calls going through them will drop");
  await expect(second.getByTestId("recreate-active-calls")).toContainText("0 calls are active");
  await second.getByRole("button", { name: "Delete, recreate and drop calls" }).click();
  await expect(page.getByText(/^Recreated: Dropped 0 active calls; Deleted and recreated every trunk and dispatch rule/)).toBeVisible();
  const after = await trunksOf(accountId);
  expect(after.inbound).toHaveLength(1);
  expect(after.outbound).toHaveLength(1);
  expect(after.inbound[0]!.sipTrunkId).not.toBe(before.inbound[0]!.sipTrunkId);
});

test("Refresh all reprovisions every account, sweeps their leftovers, and summarises what changed", async ({ page }) => {
  const spaceId = await signUp(page, newUser("refresh-all"));
  const drifted = await createAccountViaApi(page.request, spaceId, "Drifted PBX");
  await createAccountViaApi(page.request, spaceId, "Fine PBX");
  const littered = await createAccountViaApi(page.request, spaceId, "Littered PBX");
  await livekitSip().deleteSipTrunk((await trunksOf(drifted)).outbound[0]!.sipTrunkId);
  // Leftovers of a crash between create and save, made with LiveKit's own API: a second
  // outbound trunk with the account's marker, and a marked rule on a trunk id that no longer
  // exists, so only a sweep over everything in LiveKit can find them.
  const [outbound] = (await trunksOf(littered)).outbound;
  const sip = livekitSip();
  const duplicate = await sip.createSipOutboundTrunk("leftover", outbound!.address, outbound!.numbers, { metadata: outbound!.metadata, transport: outbound!.transport });
  const marker = { ...(JSON.parse(outbound!.metadata) as object), role: "dispatch-rule", number: "+14155550100" };
  const strayRule = await sip.createSipDispatchRule({ type: "individual", roomPrefix: "call" }, { name: "leftover", trunkIds: ["ST_gone"], metadata: JSON.stringify(marker) });

  await openCustomSipDrawer(page, spaceId);
  await page.getByRole("button", { name: "Refresh all" }).click();
  const summary = page.getByTestId("refresh-all-summary");
  await expect(summary).toContainText("Refresh all: 2 changed, 1 unchanged, 0 failed.");
  await expect(summary).toContainText("Drifted PBX: Created the outbound trunk");
  await expect(summary).toContainText(`Littered PBX: Removed a duplicate outbound trunk (${duplicate.sipTrunkId})`);
  await expect(summary).toContainText(`Removed the dispatch rule of +14155550100 (${strayRule.sipDispatchRuleId})`);
  expect((await trunksOf(drifted)).outbound).toHaveLength(1);
  expect((await trunksOf(littered)).outbound.map((t) => t.sipTrunkId)).toEqual([outbound!.sipTrunkId]);
  expect(await dispatchRulesOf(littered)).toEqual([]);
});

test("the Verify button spends the same per-Space budget as the REST API", async ({ page }) => {
  const spaceId = await signUp(page, newUser("verify-limited"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Limited PBX");
  await openCustomSipDrawer(page, spaceId);
  // One Verify from the browser, then the REST API (same session) gets the rest of the 30.
  await verify(page, "Limited PBX");
  let passed = 0;
  for (;;) {
    const response = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/verify`);
    if (response.status() === 429) break;
    expect(response.status(), await response.text()).toBe(200);
    expect(++passed, "no 429 within Verify's budget").toBeLessThan(30);
  }
  expect(passed).toBe(29);
  await card(page, "Limited PBX").getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/^Too many Verify runs; try again in \d+ s\.$/)).toBeVisible();
});
