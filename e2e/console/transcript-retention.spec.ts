import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";

// Settings → Platform → Transcripts: how many days call transcripts are kept, in the browser
// and on REST (0 keeps none; the purge itself is tested against the database in
// lib/calls/transcripts/transcripts.int.test.ts).

test("the Space's transcript retention: 30 days by default, a bad value is refused on its field, 0 keeps none", async ({ page }) => {
  const spaceId = await signUp(page, newUser("transcript-retention"));
  expect(await (await page.request.get(`/api/v1/spaces/${spaceId}/transcript-retention`)).json()).toEqual({ days: 30 });

  await page.goto(`/s/${spaceId}/settings/platform`);
  const form = page.getByRole("form", { name: "Transcript retention" });
  const days = form.getByLabel("Keep transcripts (days)");
  await expect(days).toHaveValue("30");
  await days.fill("two weeks");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByText("Enter a whole number of days from 0 to 3650 (0 keeps no transcripts).")).toBeVisible();
  await days.fill("0");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByText("Transcripts are no longer kept.")).toBeVisible();
  expect(await (await page.request.get(`/api/v1/spaces/${spaceId}/transcript-retention`)).json()).toEqual({ days: 0 });

  const tooLong = await page.request.patch(`/api/v1/spaces/${spaceId}/transcript-retention`, { data: { days: 5000 } });
  expect(tooLong.status()).toBe(422);
  expect((await tooLong.json()).errors).toEqual([{ path: "days", message: expect.stringContaining("3650") }]);
  const saved = await page.request.patch(`/api/v1/spaces/${spaceId}/transcript-retention`, { data: { days: 14 } });
  expect(await saved.json()).toEqual({ days: 14 });
  await page.reload();
  await expect(days).toHaveValue("14");
});
