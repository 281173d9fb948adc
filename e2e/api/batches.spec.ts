import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createKey, keyClient, newOwner, NOT_FOUND } from "../api-access";
import { batchesUrl, batchOrigin } from "../batches";
import { randomNumber } from "../phone-numbers";

// Batches over REST with an API key: a bad row refuses the whole batch with its path, a
// good one is queued whole, its progress and rows read back, cancelling cancels the queued
// calls, and another Space sees a 404. Calls are scheduled an hour ahead: nothing dials.

const later = () => new Date(Date.now() + 3_600_000).toISOString();

test("a batch is refused whole on one bad row, queued whole otherwise, read back and cancelled; another Space gets 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newOwner(browser, "batches-a");
  const b = await newOwner(browser, "batches-b");
  const from = await batchOrigin(a.page.request, a.spaceId);
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "OWNER")).secret);
  const create = `/api/v1/spaces/${a.spaceId}/calls/batch`;
  const numbers = [randomNumber(), randomNumber(), randomNumber()];

  const bad = await key.post(create, { data: { from, scheduledAt: later(), destinations: [{ to: numbers[0] }, { to: "+1 415 555 2671 ext 4" }, { to: numbers[2] }] } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toEqual([{ path: "destinations.1.to", message: "Remove the extension; LiveKit routes calls by the number alone." }]);
  expect((await (await key.get(batchesUrl(a.spaceId))).json()).items).toEqual([]);

  const body = { name: "Reminders", from, maxConcurrency: 2, scheduledAt: later(), destinations: numbers.map((to, i) => ({ to, variables: { first_name: `Name ${i}` } })) };
  const headers = { "idempotency-key": randomUUID() };
  const created = await key.post(create, { data: body, headers });
  expect(created.status(), await created.text()).toBe(201);
  const batch = await created.json();
  expect(batch).toMatchObject({ name: "Reminders", from, maxConcurrency: 2, total: 3, finished: 0, state: "running", counts: { queued: 3, cancelled: 0 }, cancelledAt: null });
  // A retried request replays the first answer instead of queueing the calls twice.
  expect(await (await key.post(create, { data: body, headers })).json()).toEqual(batch);
  expect((await (await key.get(batchesUrl(a.spaceId))).json()).items.map((x: { id: string }) => x.id)).toEqual([batch.id]);

  const page1 = await (await key.get(`${batchesUrl(a.spaceId)}/${batch.id}?limit=2`)).json();
  expect(page1.rows).toEqual([
    { row: 1, to: numbers[0], status: "queued", sipStatusCode: null, failureReason: null, callId: expect.any(String) },
    { row: 2, to: numbers[1], status: "queued", sipStatusCode: null, failureReason: null, callId: expect.any(String) },
  ]);
  expect(page1.nextCursor).toBe(2);
  const page2 = await (await key.get(`${batchesUrl(a.spaceId)}/${batch.id}?limit=2&cursor=2`)).json();
  expect(page2.rows.map((r: { row: number }) => r.row)).toEqual([3]);
  expect(page2.nextCursor).toBeNull();
  const call = await (await key.get(`/api/v1/spaces/${a.spaceId}/calls/${page1.rows[0].callId}`)).json();
  expect(call).toMatchObject({ status: "queued", from, to: numbers[0], batch: { id: batch.id, row: 1 } });

  const other = await keyClient((await createKey(b.page.request, b.spaceId, "OWNER")).secret);
  for (const [method, url] of [["GET", `${batchesUrl(a.spaceId)}/${batch.id}`], ["POST", `${batchesUrl(a.spaceId)}/${batch.id}/cancel`], ["GET", `${batchesUrl(b.spaceId)}/${batch.id}`], ["POST", `${batchesUrl(b.spaceId)}/${batch.id}/cancel`]]) {
    const r = await other.fetch(url!, { method: method! });
    expect(r.status(), `${method} ${url}`).toBe(404);
    expect(await r.json()).toEqual(NOT_FOUND);
  }

  const cancelled = await key.post(`${batchesUrl(a.spaceId)}/${batch.id}/cancel`);
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  expect(await cancelled.json()).toMatchObject({ state: "cancelled", finished: 3, counts: { queued: 0, cancelled: 3 }, cancelledAt: expect.any(String) });
  const after = await (await key.get(`${batchesUrl(a.spaceId)}/${batch.id}`)).json();
  expect(after.rows.map((r: { status: string }) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  const timeline = await (await key.get(`/api/v1/spaces/${a.spaceId}/calls/${page1.rows[0].callId}`)).json();
  expect(timeline.events.map((e: { kind: string }) => e.kind)).toEqual(["status:queued", "status:cancelled"]);
  expect((await key.post(`${batchesUrl(a.spaceId)}/${batch.id}/cancel`)).status()).toBe(200);
});
