import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { startWebhookReceiver } from "../webhook-receiver";

// Settings → Webhooks in the browser: add an endpoint, keep its secret (shown once), send a
// test event and read its outcome in the delivery log, Redeliver it, disable the endpoint.

test("add an endpoint, send a test event, read the delivery log, Redeliver, disable", async ({ page }) => {
  test.setTimeout(60_000);
  const receiver = await startWebhookReceiver();
  try {
    const spaceId = await signUp(page, newUser("console-webhooks"));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(new RegExp(`/s/${spaceId}/settings/webhooks$`));
    await expect(page.getByText("No webhook endpoints yet.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Enter a full URL starting with https:// or http://.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("CRM");
    await page.getByLabel("call.completed").check();
    await page.getByLabel("call.failed").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretBox = page.getByTestId("webhook-signing-secret");
    await expect(secretBox).toHaveText(/^whsec_/);
    receiver.secret = await secretBox.textContent();
    await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();

    const card = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(card).toContainText("call.completed, call.failed");
    await expect(card).toContainText("Enabled");
    await card.getByRole("button", { name: "Send test event" }).click();
    const row = card.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" });
    await expect(row).toContainText("Delivered", { timeout: 15_000 });
    await expect(row).toContainText("200");
    await expect(row.getByRole("cell").nth(3)).toHaveText("1");
    expect(receiver.received).toEqual([expect.objectContaining({ type: "webhook.test", verified: true })]);

    await row.getByRole("button", { name: /^Redeliver webhook\.test/ }).click();
    await expect(row.getByRole("cell").nth(3)).toHaveText("2", { timeout: 15_000 });
    expect(receiver.received.map((e) => e.id)).toEqual([receiver.received[0]!.id, receiver.received[0]!.id]);

    await card.getByRole("button", { name: "Disable" }).click();
    await expect(card.getByRole("status")).toHaveText("Disabled: no events are sent.");
    await expect(card.getByRole("button", { name: "Send test event" })).toBeDisabled();

    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    expect(await page.content()).not.toContain(receiver.secret!.slice(6));
  } finally {
    await receiver.close();
  }
});
