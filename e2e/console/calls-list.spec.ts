import { newUser, signUp } from "../fixtures";
import { expect, newestFirst, test } from "../seed-calls";

// The Calls page's Direction and date filters and its keyset pages, in Chromium, over call
// rows seeded straight into PostgreSQL.

const BASE = Date.UTC(2025, 0, 31);
const from = (i: number) => `+1555020${String(i).padStart(4, "0")}`;

test("Direction filters the call log, Next page carries it on, Newest goes back, From/To narrow the days", async ({ page, seedCalls }) => {
  const spaceId = await signUp(page, newUser("console-calls-list"));
  // 70 calls six hours apart back from 31 Jan 2025: every seventh outbound (10), the rest inbound (60).
  const seeded = await seedCalls(
    spaceId,
    Array.from({ length: 70 }, (_, i) => ({ direction: i % 7 === 0 ? ("outbound" as const) : ("inbound" as const), createdAt: new Date(BASE - i * 6 * 3_600_000), from: from(i) })),
  );
  const inbound = newestFirst(seeded.filter((c) => c.direction === "inbound"));

  await page.goto(`/s/${spaceId}/calls`);
  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(50);
  const filters = page.getByRole("form", { name: "Filter calls" });
  const pages = page.getByRole("navigation", { name: "Pages" });

  await filters.getByLabel("Direction").selectOption({ label: "Outbound" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/direction=outbound/);
  await expect(rows).toHaveCount(10);
  for (const row of await rows.all()) await expect(row.getByRole("cell").first()).toHaveText("Outbound");
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await filters.getByLabel("Direction").selectOption({ label: "Inbound" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(inbound[0]!.from);
  await expect(pages.getByRole("link", { name: "Newest" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/direction=inbound.*cursor=|cursor=.*direction=inbound/);
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText(inbound[50]!.from);
  await expect(rows.last()).toContainText(inbound[59]!.from);
  for (const row of await rows.all()) await expect(row.getByRole("cell").first()).toHaveText("Inbound");
  await expect(filters.getByLabel("Direction")).toHaveValue("inbound");
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(inbound[0]!.from);

  // From is inclusive, To exclusive: 25 and 26 January, calls 17 to 24 (one outbound among them).
  await filters.getByLabel("Direction").selectOption({ label: "All" });
  await filters.getByLabel(/^From/).fill("2025-01-25");
  await filters.getByLabel(/^To/).fill("2025-01-27");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toContainText(from(17));
  await expect(rows.last()).toContainText(from(24));
});
