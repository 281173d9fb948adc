import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, randomNumber } from "../phone-numbers";
import { card, openCustomSipDrawer } from "../sip-account-form";

// The operator's side of the calls engine: an account's outbound limits in its form (and
// REST), and a scheduled call cancelled from its page before anyone is dialled.

test("Max concurrent calls and Calls per second: refused on their fields, saved, shown on the card and over REST", async ({ page }) => {
  const spaceId = await signUp(page, newUser("limits"));
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Trunk PBX", sipServerAddress: "127.0.0.1:5999", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  expect(created.status()).toBe(201);
  const accountId = (await created.json()).id as string;
  expect(await created.json()).toMatchObject({ maxConcurrentCalls: null, callsPerSecond: null });

  await openCustomSipDrawer(page, spaceId);
  await expect(card(page, "Trunk PBX")).toContainText("No limit");
  await card(page, "Trunk PBX").getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Max concurrent calls").fill("two");
  await page.getByLabel("Calls per second").fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a whole number of channels from 1 to 10000, or leave it empty for no limit.")).toBeVisible();
  await expect(page.getByText("Enter calls per second from 0.1 to 1000 (e.g. 1 or 0.5), or leave it empty for no limit.")).toBeVisible();
  await page.getByLabel("Max concurrent calls").fill("2");
  await page.getByLabel("Calls per second").fill("0.5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Trunk PBX was saved.")).toBeVisible();
  await expect(card(page, "Trunk PBX")).toContainText("2 channels, 0.5 calls/s");

  const url = `/api/v1/spaces/${spaceId}/sip-accounts/${accountId}`;
  expect(await (await page.request.get(url)).json()).toMatchObject({ maxConcurrentCalls: 2, callsPerSecond: 0.5 });
  const bad = await page.request.patch(url, { data: { maxConcurrentCalls: 0 } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toEqual([{ path: "maxConcurrentCalls", message: "Enter a whole number of channels from 1 to 10000, or leave it empty for no limit." }]);
  const cleared = await page.request.patch(url, { data: { maxConcurrentCalls: null } });
  expect(await cleared.json()).toMatchObject({ maxConcurrentCalls: null, callsPerSecond: 0.5 });
});

test("a scheduled call waits, and Cancel call on its page cancels it before anyone is dialled", async ({ page }) => {
  const spaceId = await signUp(page, newUser("cancel"));
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Later PBX", sipServerAddress: "127.0.0.1:5998", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, (await created.json()).id, from);
  const at = new Date(Date.now() + 3600_000);
  const placed = await page.request.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from, to: "+15550100320", scheduledAt: at.toISOString(), retry: { maxAttempts: 3, delaySeconds: 60 } } });
  expect(placed.status(), await placed.text()).toBe(201);
  const call = await placed.json();
  expect(call).toMatchObject({ status: "queued", scheduledAt: at.toISOString(), attempts: 0, retryPolicy: { maxAttempts: 3, delaySeconds: 60, on: ["busy", "no_answer"] } });

  await page.goto(`/s/${spaceId}/calls/${call.id}`);
  await expect(page.getByTestId("call-status")).toHaveText("Queued");
  await expect(page.getByTestId("call-attempts")).toHaveText("0 of 3");
  await page.getByRole("button", { name: "Cancel call" }).click();
  await page.getByRole("alertdialog", { name: "Cancel this call?" }).getByRole("button", { name: "Cancel call" }).click();
  await expect(page.getByTestId("call-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Cancel call" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("Cancelled by a member")).toBeVisible();

  // Over REST the same call is now final: a second cancel is a 409 saying why.
  const again = await page.request.post(`/api/v1/spaces/${spaceId}/calls/${call.id}/cancel`);
  expect(again.status()).toBe(409);
  expect((await again.json()).detail).toBe("Only a queued call can be cancelled; this one is cancelled.");
});
