import type { APIRequestContext } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { expect, newestFirst, test, type SeededCall } from "../seed-calls";

// The call list's keyset pages and filters over REST, on call rows seeded straight into
// PostgreSQL (placing 120 real calls would take minutes and prove nothing more about paging).

type Page = { items: { id: string; direction: string; createdAt: string }[]; nextCursor: string | null };

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 0, 31);

/** 120 calls, 40 outbound and 80 inbound, three to a timestamp every 12 hours back from 31 Jan
 * 2025, so page boundaries fall inside groups that only the id orders. */
const seedRows = () => Array.from({ length: 120 }, (_, i) => ({ direction: i % 3 === 0 ? ("outbound" as const) : ("inbound" as const), createdAt: new Date(BASE - Math.floor(i / 3) * 12 * HOUR) }));

const list = (spaceId: string, params: Record<string, string>) => `/api/v1/spaces/${spaceId}/calls?${new URLSearchParams(params)}`;

/** Follows nextCursor to the end; returns each page's ids. */
async function walk(request: APIRequestContext, spaceId: string, params: Record<string, string>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(list(spaceId, cursor ? { ...params, cursor } : params));
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as Page;
    pages.push(page.items.map((c) => c.id));
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return pages;
}

const ids = (rows: SeededCall[]) => newestFirst(rows).map((r) => r.id);

test("limit=50 pages 50/50/20 newest first, with no duplicates and no gaps", async ({ page, seedCalls }) => {
  const spaceId = await signUp(page, newUser("calls-list-pages"));
  const seeded = await seedCalls(spaceId, seedRows());

  const pages = await walk(page.request, spaceId, { limit: "50" });
  expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
  expect(pages.flat()).toEqual(ids(seeded));

  const first = (await (await page.request.get(list(spaceId, {}))).json()) as Page;
  expect(first.items).toHaveLength(50);
  expect(first.items[0]).toMatchObject({ id: ids(seeded)[0], createdAt: new Date(BASE).toISOString() });
  const all = (await (await page.request.get(list(spaceId, { limit: "200" }))).json()) as Page;
  expect(all.items).toHaveLength(120);
  expect(all.nextCursor).toBeNull();
});

test("direction and since/until filter every page, and the cursor keeps to them", async ({ page, seedCalls }) => {
  const spaceId = await signUp(page, newUser("calls-list-filters"));
  const seeded = await seedCalls(spaceId, seedRows());

  const inbound = await walk(page.request, spaceId, { direction: "inbound", limit: "30" });
  expect(inbound.map((p) => p.length)).toEqual([30, 30, 20]);
  expect(inbound.flat()).toEqual(ids(seeded.filter((c) => c.direction === "inbound")));
  expect(await walk(page.request, spaceId, { direction: "outbound" })).toEqual([ids(seeded.filter((c) => c.direction === "outbound"))]);

  // Dates are the start of the day in UTC; since is inclusive, until exclusive.
  const inRange = (from: number, to: number) => ids(seeded.filter((c) => c.createdAt.getTime() >= from && c.createdAt.getTime() < to));
  const days = await walk(page.request, spaceId, { since: "2025-01-20", until: "2025-01-25", limit: "7" });
  expect(days.flat()).toEqual(inRange(Date.UTC(2025, 0, 20), Date.UTC(2025, 0, 25)));
  expect(days.flat()).toHaveLength(30);
  // Both bounds fall exactly on seeded timestamps.
  const times = await walk(page.request, spaceId, { since: "2025-01-25T12:00:00Z", until: "2025-01-28T01:00:00+01:00", direction: "outbound" });
  expect(times.flat()).toEqual(ids(seeded.filter((c) => c.direction === "outbound" && c.createdAt.getTime() >= Date.UTC(2025, 0, 25, 12) && c.createdAt.getTime() < Date.UTC(2025, 0, 28))));
  expect(times.flat()).toHaveLength(5);
  expect(await walk(page.request, spaceId, { since: "2025-02-01" })).toEqual([[]]);
});

test("a bad limit, cursor or range is a 422 naming the field; another Space sees a 404", async ({ page, browser, seedCalls }) => {
  const spaceId = await signUp(page, newUser("calls-list-refuse"));
  const seeded = await seedCalls(spaceId, seedRows().slice(0, 3));

  for (const [params, path] of [
    [{ limit: "0" }, "limit"],
    [{ limit: "201" }, "limit"],
    [{ cursor: "not-a-cursor" }, "cursor"],
    [{ cursor: Buffer.from(JSON.stringify({ page: 2 })).toString("base64url") }, "cursor"],
    [{ since: "2025-01-31T00:00:00" }, "since"],
    [{ since: "2025-01-20", until: "2025-01-19" }, "until"],
    [{ direction: "sideways" }, "direction"],
  ] as const) {
    const response = await page.request.get(list(spaceId, params));
    expect(response.status(), JSON.stringify(params)).toBe(422);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual([path]);
  }

  const other = await (await browser.newContext()).newPage();
  const otherSpace = await signUp(other, newUser("calls-list-other"));
  await seedCalls(otherSpace, seedRows().slice(0, 5));
  expect((await other.request.get(list(spaceId, {}))).status()).toBe(404);
  const cursor = ((await (await page.request.get(list(spaceId, { limit: "1" }))).json()) as Page).nextCursor!;
  expect((await other.request.get(list(spaceId, { cursor }))).status()).toBe(404);
  // A cursor from another Space's page only positions the walk: the rows stay the caller's own.
  const theirs = (await (await other.request.get(list(otherSpace, { cursor }))).json()) as Page;
  expect(theirs.items.every((c) => !seeded.some((s) => s.id === c.id))).toBe(true);
  expect((await walk(page.request, spaceId, {})).flat()).toEqual(ids(seeded));
});
