import { SIPTransport } from "@livekit/protocol";
import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { startLiveKitServer, stopLiveKitServer, trunksOf } from "../livekit";
import { accountIdByName, card, createAccount, fillAccountForm, openCustomSipDrawer } from "../sip-account-form";
import { choose } from "../select";

// Custom SIP accounts through the drawer, checked after each step against what the real
// LiveKit holds (its own list API). Passwords are compared here, never printed.

const DIGEST = {
  name: "Digest PBX",
  server: "pbx.example.com:5080",
  transport: "UDP" as const,
  country: "ru",
  ips: "127.0.0.1, 10.0.0.1/24, 127.0.0.1",
  outbound: { username: "livekit-out", password: "out-secret-1" },
  inbound: { username: "pbx-in", password: "in-secret-1-long" },
};

test("a digest-both-ways account and an IP-trust account are provisioned as LiveKit trunks", async ({ page }) => {
  const spaceId = await signUp(page, newUser("sip-create"));
  await openCustomSipDrawer(page, spaceId);

  await page.getByRole("button", { name: "Add Custom SIP account" }).click();
  await fillAccountForm(page, { ...DIGEST, transport: "Auto" });
  // Port + Auto: the form warns and suggests an explicit transport.
  await expect(page.getByTestId("transport-warning")).toContainText("LiveKit may ignore port 5080");
  await choose(page.getByLabel("SIP transport"), "UDP");
  await expect(page.getByTestId("transport-warning")).toHaveCount(0);
  // The allowlist is shown as the entries that will be saved, normalised visibly.
  await expect(page.getByRole("list", { name: "Allowed inbound IPs as saved" }).getByRole("listitem")).toHaveText(["127.0.0.1", "10.0.0.0/24"]);
  await expect(page.getByText("10.0.0.1/24 was normalised to 10.0.0.0/24.")).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();

  const digest = card(page, "Digest PBX");
  await expect(digest.getByText("Provisioned", { exact: true })).toBeVisible();
  await expect(digest.getByTestId("sip-domain")).toHaveText(process.env.SIP_PUBLIC_DOMAIN!);
  await expect(digest.getByRole("button", { name: "Copy Domain" })).toBeVisible();
  await expect(digest.getByRole("button", { name: "Copy Our SIP server IPs" })).toBeVisible();
  await digest.getByText("Configure your PBX").click();
  await expect(digest.getByText("Create a SIP account livekit-out")).toBeVisible();

  const digestId = await accountIdByName(page, spaceId, "Digest PBX");
  const lk = await trunksOf(digestId);
  expect(lk.inbound).toHaveLength(1);
  expect(lk.outbound).toHaveLength(1);
  const [inbound] = lk.inbound;
  const [outbound] = lk.outbound;
  // Direct mode: LiveKit checks the account's list. Edge mode: LiveKit accepts only the SIP
  // edge, which checks the account's list itself (e2e/api/sip-edge.spec.ts).
  const edge = process.env.SIP_EDGE_ADDRESSES?.split(",").filter(Boolean) ?? [];
  expect(inbound!.allowedAddresses).toEqual(edge.length > 0 ? edge : ["127.0.0.1", "10.0.0.0/24"]);
  const saved = await (await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts/${digestId}`)).json();
  expect(saved.allowedInboundIps).toEqual(["127.0.0.1", "10.0.0.0/24"]);
  expect(inbound!.authUsername).toBe("pbx-in");
  expect(inbound!.authPassword === "in-secret-1-long", "inbound password in LiveKit matches").toBe(true);
  expect(outbound!.address).toBe("pbx.example.com:5080");
  expect(outbound!.transport).toBe(SIPTransport.SIP_TRANSPORT_UDP);
  expect(outbound!.destinationCountry).toBe("RU");
  expect(outbound!.authUsername).toBe("livekit-out");
  expect(outbound!.authPassword === "out-secret-1", "outbound password in LiveKit matches").toBe(true);

  // IP-trust: no credentials, and no SIP server, so outbound is disabled.
  await page.getByRole("button", { name: "Add Custom SIP account" }).click();
  await fillAccountForm(page, { name: "IP trust PBX", country: "DE", ips: "127.0.0.1" });
  await expect(page.getByTestId("outbound-disabled")).toHaveText("Outbound calls are disabled for this account.");
  await page.getByRole("button", { name: "Create account" }).click();
  const trust = card(page, "IP trust PBX");
  await expect(trust.getByText("Provisioned", { exact: true })).toBeVisible();
  await expect(trust.getByText("IP-trust")).toBeVisible();
  const trustLk = await trunksOf(await accountIdByName(page, spaceId, "IP trust PBX"));
  expect(trustLk.inbound).toHaveLength(1);
  expect(trustLk.inbound[0]!.authUsername).toBe("");
  expect(trustLk.inbound[0]!.authPassword).toBe("");
  expect(trustLk.outbound).toHaveLength(0);
});

test("the pair invariant is refused in the form with the message on the missing field", async ({ page }) => {
  const spaceId = await signUp(page, newUser("sip-pair"));
  await openCustomSipDrawer(page, spaceId);
  await page.getByRole("button", { name: "Add Custom SIP account" }).click();
  await fillAccountForm(page, { name: "Half pair", server: "pbx.example.com", country: "US", ips: "127.0.0.1", outbound: { username: "only-user", password: "" }, inbound: { username: "", password: "only-password" } });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter the password too, or clear the username.")).toBeVisible();
  await expect(page.getByText("Enter the username too, or clear the password.")).toBeVisible();
  await expect(page.getByLabel("Outbound SIP password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Inbound SIP username")).toHaveAttribute("aria-invalid", "true");
  // Nothing was saved.
  const response = await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts`);
  expect((await response.json()).items).toEqual([]);
});

test("editing keeps the trunk ids; each password state does what it says in LiveKit; clearing the server removes the outbound trunk", async ({ page }) => {
  const spaceId = await signUp(page, newUser("sip-edit"));
  await openCustomSipDrawer(page, spaceId);
  await createAccount(page, DIGEST);
  await expect(card(page, "Digest PBX").getByText("Provisioned", { exact: true })).toBeVisible();
  const id = await accountIdByName(page, spaceId, "Digest PBX");
  const before = await trunksOf(id);
  const inboundId = before.inbound[0]!.sipTrunkId;
  const outboundId = before.outbound[0]!.sipTrunkId;

  // Untouched: the stored passwords stay; an unrelated field changes in place.
  await card(page, "Digest PBX").getByRole("button", { name: "Edit" }).click();
  await expect(page.getByTestId("outbound-password-state")).toHaveText("A password is set. Leave this empty to keep it.");
  await page.getByLabel("Destination country").fill("DE");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Digest PBX was saved.")).toBeVisible();
  let now = await trunksOf(id);
  expect(now.inbound.map((t) => t.sipTrunkId)).toEqual([inboundId]);
  expect(now.outbound.map((t) => t.sipTrunkId)).toEqual([outboundId]);
  expect(now.outbound[0]!.destinationCountry).toBe("DE");
  expect(now.outbound[0]!.authPassword === "out-secret-1", "outbound password kept").toBe(true);
  expect(now.inbound[0]!.authPassword === "in-secret-1-long", "inbound password kept").toBe(true);

  // New value: replaces the stored password.
  await card(page, "Digest PBX").getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Outbound SIP password").fill("out-secret-2");
  await expect(page.getByTestId("outbound-password-state")).toHaveText("The new password replaces the stored one.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Digest PBX was saved.")).toBeVisible();
  now = await trunksOf(id);
  expect(now.outbound[0]!.sipTrunkId).toBe(outboundId);
  expect(now.outbound[0]!.authPassword === "out-secret-2", "outbound password replaced").toBe(true);

  // Explicitly cleared: the username must be cleared too; then inbound auth is off.
  await card(page, "Digest PBX").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Remove password" }).last().click();
  await expect(page.getByTestId("inbound-password-state")).toContainText("The password will be removed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Clear the username too: removing the password turns inbound authentication off.")).toBeVisible();
  await page.getByLabel("Inbound SIP username").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Digest PBX was saved.")).toBeVisible();
  now = await trunksOf(id);
  expect(now.inbound[0]!.sipTrunkId).toBe(inboundId);
  expect(now.inbound[0]!.authUsername).toBe("");
  expect(now.inbound[0]!.authPassword).toBe("");
  await expect(card(page, "Digest PBX").getByText("No challenge")).toBeVisible();

  // Clearing the SIP server address removes the outbound trunk; the inbound one stays.
  await card(page, "Digest PBX").getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("SIP server address").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Digest PBX was saved.")).toBeVisible();
  now = await trunksOf(id);
  expect(now.outbound).toHaveLength(0);
  expect(now.inbound.map((t) => t.sipTrunkId)).toEqual([inboundId]);
});

test("LiveKit down during create: error shown, account saved as Not provisioned, provisioned by itself once LiveKit is back, nothing duplicated", async ({ page }) => {
  const spaceId = await signUp(page, newUser("sip-down"));
  await openCustomSipDrawer(page, spaceId);
  stopLiveKitServer();
  try {
    await createAccount(page, { name: "Offline PBX", server: "pbx.example.com", country: "US", ips: "127.0.0.1" });
    await expect(page.getByRole("alert").filter({ hasText: "Saved, but LiveKit could not be reached" })).toBeVisible();
    const offline = card(page, "Offline PBX");
    await expect(offline.getByText("Not provisioned", { exact: true })).toBeVisible();
    await expect(offline.getByRole("alert")).toContainText("The console retries by itself until LiveKit is back");
  } finally {
    startLiveKitServer();
  }
  const id = await accountIdByName(page, spaceId, "Offline PBX");

  // No click: the dispatcher retries with back-off and provisions it once LiveKit answers.
  await expect.poll(async () => (await trunksOf(id)).inbound.length, { timeout: 60_000, intervals: [500] }).toBe(1);
  await expect.poll(async () => { await page.reload(); await openCustomSipDrawer(page, spaceId); return card(page, "Offline PBX").getByText("Provisioned", { exact: true }).count(); }, { timeout: 30_000 }).toBe(1);

  await card(page, "Offline PBX").getByRole("button", { name: "Reprovision" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Reprovision this account?" });
  await expect(dialog.getByTestId("reprovision-preview")).toBeVisible();
  await dialog.getByRole("button", { name: "Reprovision" }).click();
  await expect(page.getByText("Reprovisioned: LiveKit already matched, nothing changed.")).toBeVisible();
  const lk = await trunksOf(id);
  expect(lk.inbound).toHaveLength(1);
  expect(lk.outbound).toHaveLength(1);
});

test("delete removes the trunks in LiveKit, reminds about the PBX side, and frees the name", async ({ page }) => {
  const spaceId = await signUp(page, newUser("sip-delete"));
  await openCustomSipDrawer(page, spaceId);
  await createAccount(page, DIGEST);
  await expect(card(page, "Digest PBX").getByText("Provisioned", { exact: true })).toBeVisible();
  const id = await accountIdByName(page, spaceId, "Digest PBX");

  await card(page, "Digest PBX").getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete Digest PBX?" });
  await expect(confirm).toContainText("Your PBX-side routing to our gateway will remain");
  await confirm.getByRole("button", { name: "Delete account" }).click();
  await expect(page.getByText("Digest PBX was deleted.")).toBeVisible();
  await expect(card(page, "Digest PBX")).toHaveCount(0);
  expect(await trunksOf(id)).toEqual({ inbound: [], outbound: [] });

  // The name of a deleted account can be reused.
  await createAccount(page, DIGEST);
  await expect(card(page, "Digest PBX").getByText("Provisioned", { exact: true })).toBeVisible();
  // ...but not twice among live accounts.
  await createAccount(page, { ...DIGEST, name: "digest pbx" });
  await expect(page.getByText("Another Custom SIP account in this Space already has this name.")).toBeVisible();
});
