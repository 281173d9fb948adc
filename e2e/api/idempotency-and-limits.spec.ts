import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createKey, keyClient, newOwner } from "../api-access";
import { trunksOf } from "../livekit";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";

// Idempotency-Key on creates and binds (replay, mismatch, scope, refusals not kept) and the
// per-Space rate limits of Verify, Reprovision (and phone-number refresh) and refresh-all.

const agent = { name: "Idempotent agent", greeting: "Hello.", instructions: "Be brief." };

test("a replay answers the first response; the same key with another body is a 422; order of keys does not matter", async ({ browser }) => {
  const a = await newOwner(browser, "idem-agent");
  const url = `/api/v1/spaces/${a.spaceId}/agents`;
  const headers = { "idempotency-key": randomUUID() };
  const first = await a.page.request.post(url, { data: agent, headers });
  expect(first.status()).toBe(201);
  const replay = await a.page.request.fetch(url, { method: "POST", data: JSON.stringify({ instructions: agent.instructions, greeting: agent.greeting, name: agent.name }), headers: { ...headers, "content-type": "application/json" } });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(await first.json());
  expect((await (await a.page.request.get(url)).json()).items).toHaveLength(1);

  const other = await a.page.request.post(url, { data: { ...agent, name: "Another" }, headers });
  expect(other.status()).toBe(422);
  expect(await other.json()).toMatchObject({ title: "Idempotency-Key reused with a different request", errors: [{ path: "Idempotency-Key" }] });
  expect((await (await a.page.request.get(url)).json()).items).toHaveLength(1);

  const tooLong = await a.page.request.post(url, { data: { ...agent, name: "Third" }, headers: { "idempotency-key": "x".repeat(256) } });
  expect(tooLong.status()).toBe(400);
});

test("keys are scoped per Space and credential; refusals are not kept; concurrent retries create once", async ({ browser }) => {
  const a = await newOwner(browser, "idem-scope-a");
  const b = await newOwner(browser, "idem-scope-b");
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "ADMIN")).secret);
  const url = (spaceId: string) => `/api/v1/spaces/${spaceId}/agents`;
  const headers = { "idempotency-key": `scope-${randomUUID()}` };

  expect((await a.page.request.post(url(a.spaceId), { data: { ...agent, name: "By session" }, headers })).status()).toBe(201);
  // Another credential of the same Space: its own key space, not a mismatch.
  expect((await key.post(url(a.spaceId), { data: { ...agent, name: "By key" }, headers })).status()).toBe(201);
  expect((await b.page.request.post(url(b.spaceId), { data: { ...agent, name: "In B" }, headers })).status()).toBe(201);

  // A refused request does not use up its key: fixed, the same key creates.
  const fixHeaders = { "idempotency-key": `fix-${randomUUID()}` };
  const bad = await a.page.request.post(url(a.spaceId), { data: { ...agent, name: "Fixed", llmProvider: "gpt" }, headers: fixHeaders });
  expect(bad.status()).toBe(422);
  expect((await a.page.request.post(url(a.spaceId), { data: { ...agent, name: "Fixed" }, headers: fixHeaders })).status()).toBe(201);

  const raceHeaders = { "idempotency-key": `race-${randomUUID()}` };
  const responses = await Promise.all(Array.from({ length: 6 }, () => a.page.request.post(url(a.spaceId), { data: { ...agent, name: "Raced" }, headers: raceHeaders })));
  const statuses = responses.map((r) => r.status());
  expect(statuses.every((s) => s === 201 || s === 409), statuses.join(",")).toBe(true);
  for (const r of responses.filter((x) => x.status() === 409)) expect((await r.json()).title).toBe("Request in progress");
  const names = ((await (await a.page.request.get(url(a.spaceId))).json()).items as { name: string }[]).map((x) => x.name);
  expect(names.filter((n) => n === "Raced")).toHaveLength(1);
});

test("account create, bind and place call replay their first answer: one account, one trunk, one binding, one call", async ({ browser }) => {
  const a = await newOwner(browser, "idem-sip");
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "ADMIN")).secret);
  const accounts = `/api/v1/spaces/${a.spaceId}/sip-accounts`;
  const body = { accountName: "Idempotent PBX", sipServerAddress: "pbx.example.com", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] };
  const headers = { "idempotency-key": randomUUID() };
  const first = await key.post(accounts, { data: body, headers });
  const second = await key.post(accounts, { data: body, headers });
  expect([first.status(), second.status()]).toEqual([201, 201]);
  const id = (await first.json()).id as string;
  expect((await second.json()).id).toBe(id);
  expect((await (await key.get(accounts)).json()).items).toHaveLength(1);
  expect((await trunksOf(id)).inbound).toHaveLength(1);

  const numbers = `/api/v1/spaces/${a.spaceId}/phone-numbers`;
  const n = randomNumber();
  const bindHeaders = { "idempotency-key": randomUUID() };
  const bound = await key.post(numbers, { data: { accountId: id, number: n }, headers: bindHeaders });
  const again = await key.post(numbers, { data: { accountId: id, number: n }, headers: bindHeaders });
  expect([bound.status(), again.status()]).toEqual([201, 201]);
  expect(await again.json()).toEqual(await bound.json());
  // Without the key, the same bind is the usual 409.
  expect((await key.post(numbers, { data: { accountId: id, number: n } })).status()).toBe(409);

  const calls = `/api/v1/spaces/${a.spaceId}/calls`;
  const callHeaders = { "idempotency-key": randomUUID() };
  const to = randomNumber();
  const placed = await key.post(calls, { data: { from: n, to }, headers: callHeaders });
  const replayed = await key.post(calls, { data: { from: n, to }, headers: callHeaders });
  expect([placed.status(), replayed.status()]).toEqual([201, 201]);
  expect((await replayed.json()).id).toBe((await placed.json()).id);
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect(((await (await key.get(calls)).json()).items as { to: string }[]).filter((c) => c.to === to)).toHaveLength(1);
});

test("Verify, Reprovision and refresh-all are rate limited per Space with 429 and Retry-After", async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await newOwner(browser, "limits-a");
  const b = await newOwner(browser, "limits-b");
  const accountId = await createAccountViaApi(a.page.request, a.spaceId, "Limited PBX");
  const numberId = (await bindViaApi(a.page.request, a.spaceId, accountId, randomNumber())).id;
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "ADMIN")).secret);
  const base = `/api/v1/spaces/${a.spaceId}/sip-accounts`;

  // Refusals do not count: a missing account's 404s leave Verify's budget whole.
  for (let i = 0; i < 3; i++) expect((await a.page.request.post(`${base}/${randomUUID()}/verify`)).status()).toBe(404);

  const drain = async (url: string, max: number) => {
    for (let i = 1; i <= max; i++) {
      const response = await a.page.request.post(url);
      if (response.status() === 429) return { passed: i - 1, response };
      expect(response.status(), await response.text()).toBe(200);
    }
    throw new Error(`${url}: no 429 after ${max} requests`);
  };
  // Budgets are points per fixed window (lib/rate-limits/budgets.ts): exactly `points` pass,
  // then the wait is at most the window.
  for (const [url, points, max, windowSeconds] of [
    [`${base}/refresh-all`, 3, 6, 180],
    [`${base}/${accountId}/reprovision`, 20, 40, 120],
    [`${base}/${accountId}/verify`, 30, 80, 60],
  ] as const) {
    const { passed, response } = await drain(url, max);
    expect(passed, url).toBe(points);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect((await response.json()).title).toBe("Too many requests");
  }
  // Phone-number refresh spends Reprovision's budget.
  expect((await a.page.request.post(`/api/v1/spaces/${a.spaceId}/phone-numbers/${numberId}/refresh`)).status()).toBe(429);
  // Per Space, whatever the credential; another Space has its own buckets.
  expect((await key.post(`${base}/refresh-all`)).status()).toBe(429);
  expect((await b.page.request.post(`/api/v1/spaces/${b.spaceId}/sip-accounts/refresh-all`)).status()).toBe(200);
});
