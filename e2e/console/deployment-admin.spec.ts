import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { anonymousClient, createKey, keyClient, newOwner, postIdempotent } from "../api-access";
import { adminPage } from "../deployment-admin";
import { bindViaApi, randomNumber } from "../phone-numbers";

// The deployment's administrator (SWITCHBOARD_ADMIN_EMAILS, set by scripts/test/run-suite.sh)
// against a Space owner: only the former reaches the Admin area, and suspending a Space stops
// its inbound calls at the edge (sipp as the PBX), its queued calls and its new calls.

const BANNER = "This Space is suspended by the deployment's administrator";

test("a Space owner cannot reach the Admin area: no link, a 404 page, 403 on the admin API with a session or a key, 401 anonymous", async ({ browser }) => {
  const owner = await newOwner(browser, "not-admin");
  await expect(owner.page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  const page = await owner.page.goto("/admin");
  expect(page?.status()).toBe(404);
  await expect(owner.page.getByText("Spaces of this deployment")).toHaveCount(0);

  const key = await keyClient((await createKey(owner.page.request, owner.spaceId, "OWNER")).secret);
  const anonymous = await anonymousClient();
  for (const [who, client, status] of [["session", owner.page.request, 403], ["key", key, 403], ["anonymous", anonymous, 401]] as const) {
    const list = await client.get("/api/admin/spaces");
    expect(list.status(), `${who}: ${await list.text()}`).toBe(status);
    expect(list.headers()["content-type"]).toContain("application/problem+json");
    const suspend = await client.post(`/api/admin/spaces/${owner.spaceId}/suspend`, { data: {} });
    expect(suspend.status(), who).toBe(status);
  }
  // Nothing was suspended by the refused attempts.
  await owner.page.reload();
  await expect(owner.page.getByText(BANNER)).toHaveCount(0);
});

test("the administrator suspends a Space: banner, INVITE refused 403 with the cause in plain words, queued call not placed, new call 403; resume undoes it", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await newOwner(browser, "suspended");
  const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const created = await owner.page.request.post(`/api/v1/spaces/${owner.spaceId}/sip-accounts`, {
    data: { accountName: "Suspended PBX", sipServerAddress: "pbx.example.com", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: [address] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const number = randomNumber();
  await bindViaApi(owner.page.request, owner.spaceId, (await created.json()).id, number);

  const admin = await adminPage(browser);
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  // Due in 15 s: still queued when the Space is suspended just below. The owner's connection
  // sat idle while the admin signed in (the server may have closed it): an Idempotency-Key
  // makes a resend after a reset safe.
  const queued = await postIdempotent(owner.page.request, `/api/v1/spaces/${owner.spaceId}/calls`, { from: number, to: randomNumber(), scheduledAt: new Date(Date.now() + 15_000).toISOString() });
  expect(queued.status(), await queued.text()).toBe(201);
  const callId = (await queued.json()).id as string;
  await admin.reload();
  const row = admin.getByTestId("admin-space-row").filter({ hasText: owner.user.spaceName });
  await expect(row).toContainText(owner.user.email);
  // Members, SIP accounts, numbers, calls this month.
  await expect(row.locator("td").nth(2)).toHaveText("1");
  await expect(row.locator("td").nth(3)).toHaveText("1");
  await expect(row.locator("td").nth(4)).toHaveText("1");
  await expect(row.locator("td").nth(5)).toHaveText("1");
  await row.getByRole("button", { name: `Suspend ${owner.user.spaceName}` }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Suspend Space" }).click();
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();

  await owner.page.reload();
  await expect(owner.page.getByRole("alert").filter({ hasText: BANNER })).toBeVisible();

  const refused = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [number, "+15550100131"], localIp: address, timeoutSeconds: 15 });
  expect(refused.statusLines.at(-1), refused.output).toBe("SIP/2.0 403 Space Suspended");
  await expect
    .poll(async () => (await (await owner.page.request.get(`/api/v1/spaces/${owner.spaceId}/refused-calls`)).json()).items, { timeout: 15_000 })
    .toEqual([expect.objectContaining({ cause: "space_suspended", matchedNumber: number, sipStatusCode: 403, explanation: `The call to ${number} was answered 403 Forbidden because this Space is suspended by the deployment's administrator.` })]);

  await expect
    .poll(async () => (await (await owner.page.request.get(`/api/v1/spaces/${owner.spaceId}/calls/${callId}`)).json()) as { status: string; failureReason: string | null }, { timeout: 45_000 })
    .toMatchObject({ status: "failed", failureReason: "Not placed: the Space was suspended by the deployment's administrator." });
  const refusedCall = await postIdempotent(owner.page.request, `/api/v1/spaces/${owner.spaceId}/calls`, { from: number, to: randomNumber() });
  expect(refusedCall.status()).toBe(403);
  expect((await refusedCall.json()).detail).toBe("This Space is suspended by the deployment's administrator, so it cannot place calls. Ask the administrator to resume it.");

  await row.getByRole("button", { name: `Resume ${owner.user.spaceName}` }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await owner.page.reload();
  await expect(owner.page.getByText(BANNER)).toHaveCount(0);
  const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100132"], localIp: address, pauseMs: 500 });
  expect(call.exitCode, call.output).toBe(0);
  const placed = await postIdempotent(owner.page.request, `/api/v1/spaces/${owner.spaceId}/calls`, { from: number, to: randomNumber(), scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
  expect(placed.status(), await placed.text()).toBe(201);
});

test("INVITEs that match no account are the administrator's SIP noise: counted and listed in the Admin area, never in a Space", async ({ browser }) => {
  const scanner = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const unbound = randomNumber();
  const sipp = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [unbound, "+15550100199"], localIp: scanner, timeoutSeconds: 15 });
  expect(sipp.statusLines.at(-1), sipp.output).toBe("SIP/2.0 404 Not Found");

  const admin = await adminPage(browser);
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "SIP noise" }).click();
  await expect(admin.getByRole("heading", { name: "SIP noise" })).toBeVisible();
  // The refusal is written beside the 404, not before it: look again until it is there.
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId("noise-row").filter({ hasText: scanner })).toContainText(unbound, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(admin.getByTestId("noise-row").filter({ hasText: scanner })).toContainText("is not bound to any account");
  await expect(admin.getByTestId("noise-last-day")).not.toHaveText("0");

  const owner = await newOwner(browser, "noise-tenant");
  expect((await owner.page.goto("/admin/noise"))?.status()).toBe(404);
  await expect(owner.page.getByText(scanner)).toHaveCount(0);
});
