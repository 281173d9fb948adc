import { expect, test, type Page } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { livekitSip, trunksOf } from "../livekit";
import { noHorizontalScroll, tabTo } from "../layout";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";
import { createAccount } from "../sip-account-form";
import { toast } from "../toast";

// The SIP accounts list and an account's page: what an operator sees of each account, Verify
// and Delete from the page, the PBX config they paste, by mouse, by keyboard and at 390 px.

function row(page: Page, name: string) {
  return page.getByTestId("sip-account-row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

const INBOUND_SECRET = `in-secret-${Date.now()}`;
const OUTBOUND_SECRET = `out-secret-${Date.now()}`;

async function digestAccount(page: Page, spaceId: string) {
  const response = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: {
      accountName: "Digest PBX",
      sipServerAddress: "pbx.example.com:5070",
      sipTransport: "tcp",
      destinationCountry: "US",
      allowedInboundIps: ["127.0.0.1"],
      outboundUsername: "livekit-out",
      outboundPassword: OUTBOUND_SECRET,
      inboundUsername: "pbx-in",
      inboundPassword: INBOUND_SECRET,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

test("the list shows each account with its numbers count; its page shows the numbers, and Verify updates both", async ({ page }) => {
  const spaceId = await signUp(page, newUser("account-pages"));
  // Inbound only (no SIP server): every check Verify runs on it can pass on this machine.
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Mango Office", destinationCountry: "RU", allowedInboundIps: ["127.0.0.1"] } });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).id as string;
  const numbers = [randomNumber(), randomNumber()].sort();
  for (const n of numbers) await bindViaApi(page.request, spaceId, accountId, n);
  await createAccountViaApi(page.request, spaceId, "Spare PBX");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SIP accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SIP accounts" })).toBeVisible();
  await expect(row(page, "Mango Office").getByTestId("numbers-count")).toHaveText("2");
  await expect(row(page, "Spare PBX").getByTestId("numbers-count")).toHaveText("0");
  await expect(row(page, "Mango Office")).toContainText("Outbound off");
  await expect(row(page, "Spare PBX")).toContainText("pbx.example.com");
  await expect(row(page, "Mango Office")).toContainText("Provisioned");
  await expect(row(page, "Mango Office")).toContainText("Never verified");

  await row(page, "Mango Office").getByRole("link", { name: "Mango Office" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${spaceId}/sip-accounts/${accountId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Mango Office" })).toBeVisible();
  await expect(page.getByTestId("account-number-row")).toHaveText([new RegExp(numbers[0]!.replace("+", "\\+")), new RegExp(numbers[1]!.replace("+", "\\+"))]);
  await expect(page.getByTestId("account-number-row").first()).toContainText("The built-in default agent");

  await page.getByRole("button", { name: "Verify" }).click();
  await expect(toast(page, "Mango Office: all checks passed.")).toBeVisible();
  const results = page.getByRole("region", { name: "Verify results" });
  await expect(results).toContainText("all checks passed");
  for (const name of ["Local config", "Inbound trunk", "Numbers in sync"]) await expect(results.getByTestId(`check-${name}`)).toContainText("OK");
  await expect(results.getByTestId("check-Outbound trunk")).toContainText("Skipped");

  await page.getByRole("link", { name: "SIP accounts" }).first().click();
  await expect(row(page, "Mango Office")).toContainText("All OK");
  await expect(row(page, "Spare PBX")).toContainText("Never verified");
});

test("Verify history: a run that found the inbound trunk deleted, then one over REST after Reprovision, newest first with what ran them", async ({ page }) => {
  const user = newUser("verify-history");
  const spaceId = await signUp(page, user);
  // Inbound only (no SIP server): once repaired, every check Verify runs on it can pass here.
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "History Office", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).id as string;
  await livekitSip().deleteSipTrunk((await trunksOf(accountId)).inbound[0]!.sipTrunkId);

  await page.goto(`/s/${spaceId}/sip-accounts/${accountId}`);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(toast(page, "History Office: some checks failed. See the reasons under Verify.")).toBeVisible();
  const runs = page.getByTestId("verify-run");
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText("Failed");
  await expect(runs.first().getByTestId("verify-run-failed")).toHaveText("Inbound trunk");
  await expect(runs.first()).toContainText(`Verify button${user.email}`);

  const api = `/api/v1/spaces/${spaceId}/sip-accounts/${accountId}`;
  expect((await page.request.post(`${api}/reprovision`)).status()).toBe(200);
  const verified = await page.request.post(`${api}/verify`);
  expect((await verified.json()).ok).toBe(true);
  await page.reload();
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText("OK");
  await expect(runs.nth(0).getByTestId("verify-run-failed")).toHaveText("—");
  await expect(runs.nth(0)).toContainText("REST API");
  await expect(runs.nth(1).getByTestId("verify-run-failed")).toHaveText("Inbound trunk");

  const history = await page.request.get(`${api}/verify-runs`);
  expect(history.status()).toBe(200);
  expect(((await history.json()).items as { trigger: string; ok: boolean }[]).map((r) => [r.trigger, r.ok])).toEqual([["api", true], ["console", false]]);
});

test("PBX config from the account's values, copied with one click, passwords only as placeholders", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const spaceId = await signUp(page, newUser("pbx-config"));
  const accountId = await digestAccount(page, spaceId);
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);

  await page.goto(`/s/${spaceId}/sip-accounts/${accountId}`);
  const domain = (await page.getByTestId("sip-domain").textContent()) ?? "";
  const ourIp = ((await page.getByTestId("sip-ip").first().textContent()) ?? "").split(":")[0]!;
  expect(domain).not.toBe("");
  const config = page.getByRole("region", { name: "PBX config" });
  await expect(config).toContainText(`exten => ${number},1`);
  await expect(config).toContainText("<inbound-password>");
  await expect(config).toContainText("<outbound-password>");

  await config.getByRole("button", { name: "Copy Asterisk pjsip.conf" }).click();
  await expect(config.getByRole("button", { name: "Copy Asterisk pjsip.conf" })).toHaveText("Copied");
  const pjsip = await clipboard(page);
  expect(pjsip).toContain("[switchboard-digest-pbx]");
  // `;` starts a comment in pjsip.conf: the transport parameter is escaped as Asterisk reads it.
  expect(pjsip).toContain(`contact=sip:${domain}\\;transport=tcp`);
  expect(pjsip).toContain(`match=${ourIp}`);
  expect(pjsip).toContain("username=pbx-in\npassword=<inbound-password>");
  expect(pjsip).toContain("username=livekit-out\npassword=<outbound-password>");

  await config.getByRole("button", { name: "Copy Asterisk dialplan" }).click();
  await expect.poll(() => clipboard(page)).toContain(`exten => ${number},1,Dial(PJSIP/${number}@switchboard-digest-pbx,60)`);

  await config.getByRole("tab", { name: "FreeSWITCH" }).click();
  await config.getByRole("button", { name: "Copy FreeSWITCH gateway" }).click();
  await expect.poll(() => clipboard(page)).toContain('<gateway name="switchboard-digest-pbx">');
  expect(await clipboard(page)).toContain(`<param name="proxy" value="${domain}"/>`);

  await config.getByRole("tab", { name: "Firewall" }).click();
  await config.getByRole("button", { name: "Copy iptables rules" }).click();
  await expect.poll(() => clipboard(page)).toContain(`iptables -A INPUT -s ${ourIp} -p tcp --dport 5070 -j ACCEPT`);
  expect(await clipboard(page)).not.toMatch(/-s \S+:\d+/);

  await config.getByRole("tab", { name: "3CX" }).click();
  await expect(config).toContainText("Registrar/Server/Gateway Hostname or IP");
  await config.getByRole("button", { name: "Copy 3CX guide" }).click();
  await expect.poll(() => clipboard(page)).toContain(`Main Trunk No: ${number}`);

  // The real passwords are nowhere in what the browser received.
  const html = await page.content();
  expect(html).not.toContain(INBOUND_SECRET);
  expect(html).not.toContain(OUTBOUND_SECRET);
});

test("Delete in the danger zone asks first, then the account is gone from the list", async ({ page }) => {
  const spaceId = await signUp(page, newUser("account-delete"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Doomed PBX");
  await bindViaApi(page.request, spaceId, accountId, randomNumber());
  await page.goto(`/s/${spaceId}/sip-accounts/${accountId}`);

  const danger = page.getByRole("region", { name: "Danger zone" });
  await danger.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Doomed PBX?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(danger.getByRole("button", { name: "Delete" })).toBeFocused();

  await danger.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${spaceId}/sip-accounts$`));
  await expect(toast(page, "Doomed PBX was deleted.")).toBeVisible();
  await expect(page.getByText("No Custom SIP accounts yet")).toBeVisible();
  expect((await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}`)).status()).toBe(404);
});

test("the empty list opens Import number → From Custom SIP, and a new account appears in the list", async ({ page }) => {
  const spaceId = await signUp(page, newUser("account-empty"));
  await page.goto(`/s/${spaceId}/sip-accounts`);
  await page.getByRole("link", { name: "Import number → From Custom SIP" }).click();
  const drawer = page.getByRole("dialog", { name: "Import number from Custom SIP" });
  await expect(drawer).toBeVisible();
  await createAccount(page, { name: "Fresh PBX", server: "pbx.example.com", transport: "UDP", country: "US", ips: "127.0.0.1" });
  await expect(drawer.getByRole("article", { name: "Fresh PBX" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(row(page, "Fresh PBX").getByTestId("numbers-count")).toHaveText("0");
});

test("keyboard only and at 390 px: the pages fit, Verify, the config tabs and copy are reachable", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 390, height: 844 });
  const spaceId = await signUp(page, newUser("account-narrow"));
  const longName = `A very long PBX account name that goes on ${"and on ".repeat(8)}`.trim();
  const accountId = await createAccountViaApi(page.request, spaceId, longName);
  await bindViaApi(page.request, spaceId, accountId, randomNumber(), { label: `Label ${"x".repeat(80)}` });

  await page.goto(`/s/${spaceId}/sip-accounts`);
  await expect(row(page, longName)).toBeVisible();
  await noHorizontalScroll(page);

  // From the list to the page, the button and the tabs by keyboard alone.
  const link = row(page, longName).getByRole("link", { name: longName });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: longName })).toBeVisible();
  await noHorizontalScroll(page);

  const verify = page.getByRole("button", { name: "Verify" });
  await tabTo(page, verify);
  await page.keyboard.press("Enter");
  // The verdict depends on pbx.example.com, which does not matter here: that Verify ran and said so.
  await expect(toast(page, `${longName}: `)).toBeVisible();

  const asterisk = page.getByRole("tab", { name: "Asterisk" });
  await tabTo(page, asterisk, 60);
  await page.keyboard.press("ArrowRight");
  const freeswitch = page.getByRole("tab", { name: "FreeSWITCH" });
  await expect(freeswitch).toBeFocused();
  await expect(freeswitch).toHaveAttribute("aria-selected", "true");
  const copy = page.getByRole("button", { name: "Copy FreeSWITCH gateway" });
  await tabTo(page, copy);
  await page.keyboard.press("Enter");
  await expect(copy).toHaveText("Copied");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain("<gateway name=");
  await noHorizontalScroll(page);
});

test("another Space's account page is a 404, under its Space or under one's own, like a made-up id", async ({ browser }) => {
  const pageB = await (await browser.newContext()).newPage();
  const spaceB = await signUp(pageB, newUser("account-owner-b"));
  const accountB = await createAccountViaApi(pageB.request, spaceB, "Private PBX");

  const pageA = await (await browser.newContext()).newPage();
  const spaceA = await signUp(pageA, newUser("account-owner-a"));
  for (const path of [`/s/${spaceB}/sip-accounts/${accountB}`, `/s/${spaceA}/sip-accounts/${accountB}`, `/s/${spaceA}/sip-accounts/does-not-exist`, `/s/${spaceB}/sip-accounts`]) {
    const response = await pageA.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(pageA.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(pageA.getByText("Private PBX")).toHaveCount(0);
  }
  // The owner sees it.
  expect((await pageB.goto(`/s/${spaceB}/sip-accounts/${accountB}`))?.status()).toBe(200);
  await expect(pageB.getByRole("heading", { level: 1, name: "Private PBX" })).toBeVisible();
});
