import { expect, test, type APIRequestContext } from "@playwright/test";
import { addMember, anonymousClient, createKey, keyClient, newOwner, NOT_FOUND } from "../api-access";
import { adminPage } from "../deployment-admin";
import { bindViaApi, randomNumber } from "../phone-numbers";
import { call, expectations, keyOnly, makeFixture, opKey, routeOperations, sessionOnly, urlOf, type Expectation, type Ids } from "./route-table";

// Every route × every kind of caller, generated from the route files: the owner of Space A
// (session and key) is allowed, a member of A (session and member-role key) may read but gets
// 403 on writes that need an admin, Space B's owner key gets the same 404 as a missing id on
// A's URLs, and an anonymous caller gets 401.

const ops = routeOperations();
const callerNames = ["owner of A", "owner key of A", "member of A", "member key of A", "owner key of B", "anonymous"] as const;
type CallerName = (typeof callerNames)[number];

function expectedStatus(e: Expectation, caller: CallerName): number {
  if (e.access === "public") return e.ok;
  if (caller === "anonymous") return 401;
  if (keyOnly(e)) {
    if (caller === "owner of A" || caller === "member of A") return 401;
    if (caller === "owner key of B") return e.otherSpaceKey ?? 404;
    return caller === "member key of A" && e.access === "admin-key" ? 403 : e.ok;
  }
  if (caller === "owner key of B") return 404;
  if (caller === "owner of A") return e.ok;
  if (caller === "owner key of A") return sessionOnly(e) ? 403 : e.ok;
  return e.access === "member" ? e.ok : 403;
}

test.describe.configure({ mode: "serial" });

let owner: APIRequestContext;
let callers: Record<CallerName, APIRequestContext>;
let ids: Ids;
let spaceB: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newOwner(browser, "matrix-a");
  const b = await newOwner(browser, "matrix-b");
  const member = await addMember(browser, a, "MEMBER", "matrix-member");
  spaceB = b.spaceId;
  owner = a.page.request;
  ids = await makeFixture(owner, a.spaceId);
  callers = {
    "owner of A": owner,
    "owner key of A": await keyClient((await createKey(owner, a.spaceId, "OWNER")).secret),
    "member of A": member.request,
    "member key of A": await keyClient((await createKey(owner, a.spaceId, "MEMBER")).secret),
    "owner key of B": await keyClient((await createKey(b.page.request, b.spaceId, "OWNER")).secret),
    anonymous: await anonymousClient(),
  };
});

test("the expectations table covers every route the files export, and nothing else", () => {
  expect(ops.length).toBeGreaterThanOrEqual(26);
  expect(ops.map(opKey).filter((k) => !expectations[k]), "routes without an entry in e2e/api/route-table.ts").toEqual([]);
  expect(Object.keys(expectations).filter((k) => !ops.some((o) => opKey(o) === k)), "entries without a route").toEqual([]);
});

for (const op of ops) {
  test(`${opKey(op)} across callers`, async () => {
    test.setTimeout(120_000);
    const e = expectations[opKey(op)];
    expect(e, `no expectations for ${opKey(op)}: add it to e2e/api/route-table.ts`).toBeDefined();
    for (const caller of callerNames) {
      const target = e!.fresh ? { ...ids, ...(await e!.fresh(owner, ids)) } : ids;
      const response = await call(callers[caller], op.method, urlOf(op.route, target), e!.body?.(target));
      const expected = expectedStatus(e!, caller);
      const text = await response.text();
      expect(response.status(), `${caller} on ${opKey(op)}: ${text}`).toBe(expected);
      if (expected >= 400) expect(response.headers()["content-type"]).toContain("application/problem+json");
      if (expected === 404) expect(JSON.parse(text), "the same body as a missing id").toEqual(NOT_FOUND);
      if (expected === 401) expect(response.headers()["www-authenticate"]).toContain("Bearer");
      // A refused delete left its target in place.
      if (expected !== e!.ok && op.method === "DELETE" && ops.some((o) => o.route === op.route && o.method === "GET")) {
        const reader = keyOnly(e!) ? callers["owner key of A"] : owner;
        expect((await reader.get(urlOf(op.route, target))).status(), `${caller} must not have deleted it`).toBe(200);
      }
    }
  });
}

test("a missing id and another Space's id answer alike for every route with an id", async () => {
  for (const op of ops.filter((o) => /\[(?!spaceId\])\w+\]/.test(o.route))) {
    const e = expectations[opKey(op)]!;
    const missing = { ...ids, accountId: "missing-id", numberId: "missing-id", agentId: "missing-id", keyId: "missing-id", callId: "missing-id", batchId: "missing-id", endpointId: "missing-id", deliveryId: "missing-id", testId: "missing-id", userId: "missing-id", phoneNumber: randomNumber() };
    const response = await call(keyOnly(e) ? callers["owner key of A"] : owner, op.method, urlOf(op.route, missing), e.body?.(ids));
    expect(response.status(), opKey(op)).toBe(404);
    expect(await response.json()).toEqual(NOT_FOUND);
  }
});

// The platform carrier (lib/platform-numbers): its accounts and pool live in the deployment's
// hidden platform Space, and a platform number assigned to Space B is B's alone. No Space-scoped
// route lets A's owner (or B's, for the carrier) reach either; the admin API refuses them all.
test("the platform carrier and another Space's platform number are out of reach of every Space-scoped route", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = (await adminPage(browser)).request;
  const platform = (await (await admin.get("/api/admin/platform")).json()) as { spaceId: string };
  const carrier = await admin.post(`/api/v1/spaces/${platform.spaceId}/sip-accounts`, {
    data: { accountName: `Matrix carrier ${randomNumber()}`, sipServerAddress: "carrier.example.com", sipTransport: "udp", outboundUsername: "carrier", outboundPassword: "carrier-pw", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  expect(carrier.status(), await carrier.text()).toBe(201);
  const carrierId = (await carrier.json()).id as string;
  const pool = await bindViaApi(admin, platform.spaceId, carrierId, randomNumber());
  const assigned = await admin.post(`/api/admin/platform-numbers/${pool.id}/assign`, { data: { spaceId: spaceB } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  const bNumberId = (await assigned.json()).id as string;
  const another = await bindViaApi(admin, platform.spaceId, carrierId, randomNumber());

  const spaceRoutes = ops.filter((o) => o.route.includes("[spaceId]") && expectations[opKey(o)]!.access !== "public" && !keyOnly(expectations[opKey(o)]!));
  const attempts: [string, APIRequestContext, Ids][] = [
    // A's owner in the platform Space, with the carrier's and the pool's ids.
    ["owner of A in the platform Space", owner, { ...ids, spaceId: platform.spaceId, accountId: carrierId, numberId: another.id }],
    // A's owner on A's own URLs with the carrier's id and B's platform number.
    ["owner of A with the carrier and B's platform number", owner, { ...ids, accountId: carrierId, numberId: bNumberId }],
    // B's owner key on B's URLs with the carrier's id (B holds a number on it, not the account).
    ["owner key of B with the carrier", callers["owner key of B"], { ...ids, spaceId: spaceB, accountId: carrierId, numberId: another.id }],
  ];
  for (const [who, client, target] of attempts) {
    for (const op of spaceRoutes.filter((o) => who !== "owner of A in the platform Space" ? /\[(accountId|numberId)\]/.test(o.route) : true)) {
      const e = expectations[opKey(op)]!;
      const response = await call(client, op.method, urlOf(op.route, target), e.body?.(target));
      expect(response.status(), `${who} on ${opKey(op)}: ${await response.text()}`).toBe(404);
      expect(await response.json()).toEqual(NOT_FOUND);
    }
  }
  // B sees its platform number, never the carrier account, and cannot return it to the pool.
  const bKey = callers["owner key of B"];
  const bNumbers = await (await bKey.get(`/api/v1/spaces/${spaceB}/phone-numbers`)).text();
  // (B may hold numbers and accounts of its own from the matrix above.)
  expect(JSON.parse(bNumbers).items).toContainEqual(expect.objectContaining({ id: bNumberId, platform: true, account: expect.objectContaining({ id: "platform" }) }));
  expect(bNumbers).not.toContain(carrierId);
  expect(bNumbers).not.toContain("carrier.example.com");
  expect(bNumbers).not.toContain(another.number);
  const bAccounts = (await (await bKey.get(`/api/v1/spaces/${spaceB}/sip-accounts`)).json()).items as { id: string }[];
  expect(bAccounts.map((a) => a.id)).not.toContain(carrierId);
  expect((await bKey.delete(`/api/v1/spaces/${spaceB}/phone-numbers/${bNumberId}`)).status()).toBe(409);

  // The admin API: 403 to a Space's owner (session or key), 401 anonymous, as for /api/admin/spaces.
  const adminRoutes: [string, string, unknown?][] = [
    ["GET", "/api/admin/platform"],
    ["GET", "/api/admin/platform-numbers"],
    ["POST", `/api/admin/platform-numbers/${another.id}/assign`, { spaceId: ids.spaceId }],
    ["POST", `/api/admin/platform-numbers/${bNumberId}/unassign`, {}],
  ];
  for (const [caller, expected] of [["owner of A", 403], ["owner key of A", 403], ["owner key of B", 403], ["anonymous", 401]] as const) {
    for (const [method, url, body] of adminRoutes) {
      const response = await call(callers[caller], method, url, body);
      expect(response.status(), `${caller} on ${method} ${url}`).toBe(expected);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
    }
  }
  // Nothing moved: B still holds its number, the other is still in the pool.
  const listed = (await (await admin.get("/api/admin/platform-numbers")).json()).items as { id: string; space: { id: string } | null }[];
  expect(listed.find((n) => n.id === bNumberId)?.space?.id).toBe(spaceB);
  expect(listed.find((n) => n.id === another.id)?.space).toBeNull();
});
