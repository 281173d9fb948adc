import { adminPage } from "../deployment-admin";
import { newOwner } from "../api-access";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";
import { expect, test } from "../seed-calls";

// Usage from the call log: seeded calls with known durations come back as the same sums in
// Settings → Usage, over REST and in the CSV; the administrator's monthly minutes limit then
// refuses the Space's next call. Another Space's owner cannot read them.

test("usage equals the call log's durations in Settings → Usage, REST and CSV; the admin's monthly limit refuses the next call", async ({ browser, seedCalls }) => {
  test.setTimeout(90_000);
  const owner = await newOwner(browser, "usage");
  const accountId = await createAccountViaApi(owner.page.request, owner.spaceId, "Usage PBX");
  const number = (await bindViaApi(owner.page.request, owner.spaceId, accountId, randomNumber())).number;
  const now = Date.now();
  const seconds = [61, 119, 30, 245];
  await seedCalls(owner.spaceId, [
    { direction: "inbound", to: number, createdAt: new Date(now - 60_000), durationSeconds: seconds[0] },
    { direction: "inbound", to: number, createdAt: new Date(now - 50_000), durationSeconds: seconds[1] },
    { direction: "outbound", from: number, createdAt: new Date(now - 40_000), durationSeconds: seconds[2] },
    { direction: "outbound", from: number, createdAt: new Date(now - 30_000), durationSeconds: seconds[3] },
  ]);
  const total = seconds.reduce((a, b) => a + b, 0);

  const report = await (await owner.page.request.get(`/api/v1/spaces/${owner.spaceId}/usage`)).json();
  expect(report.totals).toEqual({ inbound: { calls: 2, billableSeconds: 180 }, outbound: { calls: 2, billableSeconds: 275 }, all: { calls: 4, billableSeconds: total } });
  expect(report.byNumber).toEqual([
    { number, direction: "inbound", calls: 2, billableSeconds: 180 },
    { number, direction: "outbound", calls: 2, billableSeconds: 275 },
  ]);
  const csv = await owner.page.request.get(`/api/v1/spaces/${owner.spaceId}/usage?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("day,direction,number,calls,billable_seconds");
  expect(lines.slice(1).reduce((s, l) => s + Number(l.split(",")[4]), 0)).toBe(total);
  const bad = await owner.page.request.get(`/api/v1/spaces/${owner.spaceId}/usage?from=2026-11-05&to=2026-11-01`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toEqual([{ path: "to", message: "`to` must be on or after `from`." }]);

  await owner.page.goto(`/s/${owner.spaceId}/settings/usage`);
  await expect(owner.page.getByTestId("usage-total-all-calls")).toHaveText(`4 calls · ${total} s (7.6 min)`);
  await expect(owner.page.getByTestId("usage-this-month")).toHaveText("7.6 min (no monthly limit)");

  const stranger = await newOwner(browser, "usage-stranger");
  expect((await stranger.page.request.get(`/api/v1/spaces/${owner.spaceId}/usage`)).status()).toBe(404);

  const admin = await adminPage(browser);
  await admin.goto(`/admin/spaces/${owner.spaceId}`);
  await expect(admin.getByTestId("usage-total-all-calls")).toHaveText(`4 calls · ${total} s (7.6 min)`);
  await admin.getByLabel("Monthly minutes limit").fill("abc");
  await admin.getByRole("button", { name: "Save limit" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "Enter a whole number of minutes" })).toBeVisible();
  await admin.getByLabel("Monthly minutes limit").fill("7");
  await admin.getByRole("button", { name: "Save limit" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "The Space may use 7 minutes per month." })).toBeVisible();

  // The admin API: the same figures (CSV) for the administrator, a 422 on a bad limit, a 403 for the owner.
  const adminCsv = await admin.request.get(`/api/admin/spaces/${owner.spaceId}/usage?format=csv`);
  expect(adminCsv.status()).toBe(200);
  expect((await adminCsv.text()).trim().split("\r\n").slice(1).reduce((s, l) => s + Number(l.split(",")[4]), 0)).toBe(total);
  const badLimit = await admin.request.patch(`/api/admin/spaces/${owner.spaceId}`, { data: { monthlyMinutesLimit: -1 } });
  expect(badLimit.status()).toBe(422);
  expect((await badLimit.json()).errors).toEqual([{ path: "monthlyMinutesLimit", message: "0 or more minutes." }]);
  expect((await owner.page.request.get(`/api/admin/spaces/${owner.spaceId}/usage`)).status()).toBe(403);
  expect((await owner.page.request.patch(`/api/admin/spaces/${owner.spaceId}`, { data: { monthlyMinutesLimit: null } })).status()).toBe(403);

  const refused = await owner.page.request.post(`/api/v1/spaces/${owner.spaceId}/calls`, { data: { from: number, to: randomNumber() } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).detail).toBe("The Space has used its monthly limit of 7 minutes (7.6 min this month): no more calls are placed until the next month (UTC) or until the deployment's administrator raises the limit.");
  await owner.page.reload();
  await expect(owner.page.getByTestId("usage-this-month")).toHaveText("7.6 min of 7 min allowed");
});
