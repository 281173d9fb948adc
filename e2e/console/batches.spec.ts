import { expect, test } from "@playwright/test";
import { batchesUrl, batchOrigin } from "../batches";
import { newUser, signUp } from "../fixtures";
import { randomNumber } from "../phone-numbers";

// The New batch form: a file with a bad line shows that line's error under the file field
// and queues nothing; the fixed file starts the batch, whose page lists its rows and
// cancels it after a confirmation. The from-number's account dials nowhere reachable and
// starts one call every 10 s, so the later rows are still queued when the batch is cancelled.

test("a CSV with a bad line is refused line by line; the fixed file starts a batch that can be cancelled", async ({ page }) => {
  test.setTimeout(90_000);
  const spaceId = await signUp(page, newUser("batches-ui"));
  const from = await batchOrigin(page.request, spaceId);
  const numbers = [randomNumber(), randomNumber(), randomNumber(), randomNumber()];
  const csv = (third: string) => Buffer.from(["to,first_name", `${numbers[0]},Ada`, `${third},Grace`, "", `${numbers[2]},Alan`, `${numbers[3]},Barbara`].join("\n"));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Batches" }).click();
  await expect(page.getByRole("heading", { name: "Batches", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "New batch" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Spring reminders");
  // The select shows only the chosen option: the bound number, preselected.
  await expect(page.getByLabel("From", { exact: true })).toContainText(from);
  await page.getByLabel("Max concurrency").fill("1");
  const file = page.getByLabel("CSV file");
  await file.setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: csv("+1 415 555 2671 x9") });
  await page.getByRole("button", { name: "Start batch" }).click();

  const problems = page.getByRole("alert", { name: "Problems in the file" });
  await expect(problems.getByRole("listitem")).toHaveText(["Line 3: “+1 415 555 2671 x9”: Remove the extension; LiveKit routes calls by the number alone."]);
  await expect(file).toHaveAttribute("aria-describedby", "batch-csv-errors");
  await expect(file).toHaveAttribute("aria-invalid", "true");
  expect((await (await page.request.get(batchesUrl(spaceId))).json()).items).toEqual([]);

  await file.setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: csv(numbers[1]!) });
  await page.getByRole("button", { name: "Start batch" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${spaceId}/batches/[^/]+$`));
  await expect(page.getByRole("heading", { name: "Spring reminders" })).toBeVisible();
  const rows = page.getByTestId("batch-call-row");
  await expect(rows).toHaveCount(4);
  for (const [i, n] of numbers.entries()) await expect(rows.nth(i)).toContainText(n);
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress).toContainText("of 4 calls finished");
  await expect(progress.getByText("Running", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Cancel batch" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel this batch?" });
  await dialog.getByRole("button", { name: "Cancel queued calls" }).click();
  await expect(progress.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel batch" })).toHaveCount(0);
  // The account starts one call every 10 s, so at most one row (any of them: the dispatcher
  // takes the batch's jobs in parallel) was dialled; the others were still waiting and are
  // cancelled, never dialled.
  await expect.poll(() => rows.filter({ hasText: "Cancelled" }).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await expect(progress.getByTestId("batch-counts")).toContainText("cancelled");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Batches" }).click();
  const listed = page.getByTestId("batch-row").filter({ hasText: "Spring reminders" });
  await expect(listed).toContainText(from);
  await expect(listed).toContainText("Cancelled");
});
