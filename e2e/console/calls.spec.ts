import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAgentViaApi, numberRow, randomNumber } from "../phone-numbers";
import { startDigestUas } from "../sipp/uas";
import { choose } from "../select";

// Place test call from a number's card, then follow it in the call log and on its page.
// sipp on 127.0.0.1 is the PBX (401 digest, answer, BYE after 3 s).

test("Place test call on a number's card; the call log filters it and its page shows the timeline", async ({ page }) => {
  test.setTimeout(90_000);
  const spaceId = await signUp(page, newUser("console-calls"));
  const uas = await startDigestUas("console", "console-pw-123");
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Test PBX", sipServerAddress: `127.0.0.1:${uas.port}`, sipTransport: "udp", outboundUsername: "console", outboundPassword: "console-pw-123", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  expect(created.status()).toBe(201);
  const accountId = (await created.json()).id as string;
  await createAgentViaApi(page.request, spaceId, "Dialler");
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, n);

  await page.goto(`/s/${spaceId}/phone-numbers`);
  await numberRow(page, n).getByRole("button", { name: n }).click();
  const form = page.getByRole("form", { name: "Place test call" });
  await form.getByRole("button", { name: "Place test call" }).click();
  await expect(form.getByText("Enter the number in E.164 form, e.g. +14155550123.")).toBeVisible();
  await form.getByLabel("Destination").fill("+15550100300");
  await choose(form.getByLabel("Agent"), "Dialler");
  await form.getByRole("button", { name: "Place test call" }).click();
  await form.getByRole("link", { name: "Follow the call" }).click();

  await expect(page.getByRole("heading", { name: `Call ${n} → +15550100300` })).toBeVisible();
  await expect(page.getByTestId("call-status")).toHaveText("Completed", { timeout: 40_000 });
  await expect(page.getByTestId("call-sip-status")).toHaveText("200");
  await expect(page.getByTestId("call-agent")).toHaveText("Dialler");
  await expect(page.getByTestId("call-account")).toHaveText("Test PBX");
  const timeline = page.getByRole("list", { name: "Timeline" });
  for (const step of ["Queued", "Dialling", "In progress", "Completed"]) await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  await expect(timeline).not.toContainText("status:");
  await expect(timeline).not.toContainText("sip.callStatus");
  await uas.done;

  await page.getByRole("link", { name: "All calls" }).click();
  const row = page.getByTestId("call-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Outbound");
  await expect(row).toContainText("+15550100300");
  await expect(row).toContainText("Test PBX");
  await expect(row).toContainText("Dialler");
  await expect(row).toContainText("Completed");
  await expect(row).toContainText("200");
  const filters = page.getByRole("form", { name: "Filter calls" });
  await filters.getByLabel("Status").selectOption("failed");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No calls yet")).toBeVisible();
  await filters.getByLabel("Status").selectOption("completed");
  await filters.getByLabel("Number").selectOption({ label: n });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("call-row")).toHaveCount(1);
});

test("a number whose account has no SIP server address cannot place a call, said on the card", async ({ page }) => {
  const spaceId = await signUp(page, newUser("console-calls-no-server"));
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Inbound only", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, (await created.json()).id as string, n);
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await numberRow(page, n).getByRole("button", { name: n }).click();
  const form = page.getByRole("form", { name: "Place test call" });
  await form.getByLabel("Destination").fill("+15550100301");
  await form.getByRole("button", { name: "Place test call" }).click();
  await expect(form.getByRole("alert")).toContainText("no SIP server address");
  await page.goto(`/s/${spaceId}/calls`);
  await expect(page.getByText("No calls yet")).toBeVisible();
});
