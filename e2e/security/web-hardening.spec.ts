import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { anonymousClient, baseURL, createKey, keyClient, newOwner } from "../api-access";
import { randomNumber } from "../phone-numbers";

// What another site, or anyone on the internet, can make the console do without a
// credential of its own: frame it, make a signed-in browser write, or send bodies that are
// too large to parse.

const agentsUrl = (spaceId: string) => `/api/v1/spaces/${spaceId}/agents`;
const agent = (name: string) => ({ name, greeting: "Hello.", instructions: "Be brief." });
const agentNames = async (client: { get(url: string): Promise<{ json(): Promise<unknown> }> }, spaceId: string) =>
  ((await (await client.get(agentsUrl(spaceId))).json()) as { items: { name: string }[] }).items.map((x) => x.name);

test("every page and answer carries the hardening headers; no CSP violation while using the console", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  const signIn = await page.goto("/sign-in");
  const h = signIn!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The test console's public URL is http: no HSTS.
  expect(h["strict-transport-security"]).toBeUndefined();
  const api = await (await anonymousClient()).get("/api/v1/openapi.json");
  expect(api.headers()["x-frame-options"]).toBe("DENY");

  // The console still works under the policy: sign up, open a drawer, create an agent.
  const owner = await newOwner(page.context().browser()!, "csp");
  owner.page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
  });
  await owner.page.goto(`/s/${owner.spaceId}/agents`);
  await expect(owner.page.getByRole("heading", { level: 1 })).toBeVisible();
  await owner.page.reload();
  await expect(owner.page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cookie-authenticated write needs a JSON body and our own Origin; API keys are unchanged", async ({ browser }) => {
  const a = await newOwner(browser, "csrf");
  const session = a.page.request;
  const url = agentsUrl(a.spaceId);
  const raw = JSON.stringify(agent("Forged"));

  for (const [label, options] of [
    ["text/plain", { data: raw, headers: { "content-type": "text/plain;charset=UTF-8" } }],
    ["form", { form: { name: "Forged", greeting: "Hello.", instructions: "Be brief." } }],
    ["multipart", { multipart: { name: "Forged", greeting: "Hello.", instructions: "Be brief." } }],
    ["no type", { data: Buffer.from(raw) , headers: { "content-type": "" } }],
  ] as const) {
    const r = await session.fetch(url, { method: "POST", ...options });
    expect(r.status(), label).toBe(415);
    expect(r.headers()["content-type"], label).toContain("application/problem+json");
  }
  const foreign = await session.post(url, { data: agent("Forged"), headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect(await agentNames(session, a.spaceId)).not.toContain("Forged");

  // The console's own origin, or none (not a browser), still writes.
  expect((await session.post(url, { data: agent("Own origin"), headers: { origin: new URL(baseURL).origin } })).status()).toBe(201);
  expect((await session.post(url, { data: agent("No origin") })).status()).toBe(201);

  // An API key is no browser credential: its callers keep working as before.
  const key = await keyClient((await createKey(session, a.spaceId, "OWNER")).secret);
  expect((await key.fetch(url, { method: "POST", data: JSON.stringify(agent("Key")), headers: { "content-type": "text/plain" } })).status()).toBe(201);
  expect((await key.post(url, { data: agent("Key 2"), headers: { origin: "https://elsewhere.example" } })).status()).toBe(201);
});

/**
 * Sends a body in chunks without Content-Length; resolves with the status. A new connection
 * each time, and a body only a little over the limit: the server answers 413 and closes the
 * connection without reading the rest, so a client still writing would see a reset instead.
 */
function postChunked(path: string, headers: Record<string, string>, chunk: string, chunks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseURL), { agent: false, method: "POST", headers: { ...headers, "transfer-encoding": "chunked" }, timeout: 20_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${path}`)));
    req.on("error", reject);
    for (let i = 0; i < chunks; i++) req.write(chunk);
    req.end();
  });
}

test("oversized bodies are 413 before parsing or verifying, declared or chunked; a 10,000-row batch fits", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newOwner(browser, "sizes");
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "OWNER")).secret);
  const url = agentsUrl(a.spaceId);
  const big = JSON.stringify({ ...agent("Big"), instructions: "x".repeat(1024 * 1024 + 1) });

  const declared = await key.post(url, { data: big, headers: { "content-type": "application/json" } });
  expect(declared.status()).toBe(413);
  expect(declared.headers()["content-type"]).toContain("application/problem+json");
  expect((await a.page.request.post(url, { data: big, headers: { "content-type": "application/json" } })).status()).toBe(413);
  const secret = (await createKey(a.page.request, a.spaceId, "OWNER")).secret;
  expect(await postChunked(url, { authorization: `Bearer ${secret}`, "content-type": "application/json" }, "x".repeat(64 * 1024), 17)).toBe(413);
  expect(await agentNames(key, a.spaceId)).not.toContain("Big");

  // A batch of the maximum 10,000 rows with a few variables each is parsed (here: refused
  // for its last row, so nothing is queued), not refused for its size.
  const destinations = Array.from({ length: 10_000 }, (_, i) => ({ to: randomNumber(), variables: { first_name: `Name ${i}`, order_id: `ORD-${100000 + i}`, due: "2026-12-01", city: "San Francisco" } }));
  destinations[9_999] = { to: "+1 415 555 2671 ext 4", variables: { first_name: "Last", order_id: "ORD-0", due: "2026-12-01", city: "San Francisco" } };
  const batchBody = JSON.stringify({ from: randomNumber(), scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), destinations });
  expect(Buffer.byteLength(batchBody)).toBeGreaterThan(1024 * 1024);
  const batch = await key.post(`/api/v1/spaces/${a.spaceId}/calls/batch`, { data: batchBody, headers: { "content-type": "application/json" } });
  expect(batch.status(), await batch.text()).toBe(422);
  expect((await batch.json()).errors.map((e: { path: string }) => e.path)).toEqual(["destinations.9999.to"]);

  // The LiveKit webhook: a small unsigned body is a 401 (verified); a large one a 413 first.
  const anon = await anonymousClient();
  expect((await anon.post("/api/livekit/webhook", { data: "{}", headers: { "content-type": "application/webhook+json" } })).status()).toBe(401);
  expect((await anon.post("/api/livekit/webhook", { data: "x".repeat(64 * 1024 + 1), headers: { "content-type": "application/webhook+json" } })).status()).toBe(413);
  expect(await postChunked("/api/livekit/webhook", { "content-type": "application/webhook+json", authorization: "x" }, "x".repeat(16 * 1024), 5)).toBe(413);
  // The internal API: a large body is a 413 before the worker's token is even checked.
  expect((await anon.post("/api/internal/calls/answered", { data: "x".repeat(64 * 1024 + 1), headers: { "content-type": "application/json" } })).status()).toBe(413);
  expect(await postChunked("/api/internal/calls/answered", { "content-type": "application/json" }, "x".repeat(16 * 1024), 5)).toBe(413);
  expect((await anon.post("/api/internal/calls/answered", { data: "{}", headers: { "content-type": "application/json" } })).status()).toBe(401);
});

test("the internal API answers only the console's own network, whatever token is sent", async () => {
  const anon = await anonymousClient();
  const token = process.env.WORKER_INTERNAL_TOKEN ?? "";
  const report = (headers: Record<string, string>) => anon.post("/api/internal/calls/answered", { data: "{}", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers } });
  // From this machine (Next.js records the socket's 127.0.0.1): past the network check, to the token and the body.
  expect((await report({})).status()).not.toBe(403);
  // As a reverse proxy would forward a caller from the Internet: refused before the token counts.
  const outside = await report({ "x-forwarded-for": "81.2.69.142" });
  expect(outside.status()).toBe(403);
  expect((await outside.json()).detail).toContain("internal network");
  // Claiming to be local does not help: the proxy appends the real address last.
  expect((await report({ "x-forwarded-for": "127.0.0.1, 81.2.69.142" })).status()).toBe(403);
  expect((await anon.post("/api/internal/edge/inbound", { data: "{}", headers: { "content-type": "application/json", "x-forwarded-for": "81.2.69.142" } })).status()).toBe(403);
});
