import { expect, test } from "@playwright/test";
import { createDbClient } from "../../lib/db/create-client";
import { keyClient } from "../api-access";
import assertLocalDatabase from "../assert-local-database";
import { newUser, signUp } from "../fixtures";
import { choose } from "../select";

// API keys that expire: chosen when the key is created (Settings or REST), shown in the list,
// and from then on every request with the key is a 401. The clock is moved by writing the
// expiry into the past in PostgreSQL (nobody waits 30 days).

test("a key created to expire in 30 days shows when, works until then, and answers 401 once past it", async ({ page }) => {
  const spaceId = await signUp(page, newUser("key-expiry"));
  await page.goto(`/s/${spaceId}/settings/api-keys`);
  await page.getByLabel("Key name").fill("Month key");
  await choose(page.getByLabel("Expires"), "In 30 days");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key-secret").textContent())!;

  const listed = ((await (await page.request.get(`/api/v1/spaces/${spaceId}/api-keys`)).json()) as { items: { name: string; expiresAt: string | null }[] }).items;
  const expiresAt = new Date(listed.find((k) => k.name === "Month key")!.expiresAt!);
  expect(Math.abs(expiresAt.getTime() - (Date.now() + 30 * 86_400_000))).toBeLessThan(120_000);
  const row = page.getByTestId("api-key-row").filter({ hasText: "Month key" });
  await expect(row.getByTestId("api-key-expires")).not.toHaveText("No expiry");

  const client = await keyClient(secret);
  const agents = `/api/v1/spaces/${spaceId}/agents`;
  expect((await client.get(agents)).status()).toBe(200);

  // REST: a key without expiresInDays never expires; a bad lifetime is refused on its field.
  const forever = await page.request.post(`/api/v1/spaces/${spaceId}/api-keys`, { data: { name: "Forever key", role: "MEMBER" } });
  expect(await forever.json()).toMatchObject({ key: { expiresAt: null } });
  const bad = await page.request.post(`/api/v1/spaces/${spaceId}/api-keys`, { data: { name: "Bad key", role: "MEMBER", expiresInDays: 0 } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ errors: [{ path: "expiresInDays", message: "At least 1 day." }] });

  assertLocalDatabase();
  const db = createDbClient(process.env.DATABASE_URL!, { maxConnections: 1 });
  try {
    await db.apiKey.updateMany({ where: { spaceId, name: "Month key" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  } finally {
    await db.$disconnect();
  }
  const expired = await client.get(agents);
  expect(expired.status()).toBe(401);
  await page.reload();
  await expect(row.getByTestId("api-key-expires")).toHaveText(/^Expired /);
});
