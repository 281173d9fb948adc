import { expect, test, type APIRequestContext } from "@playwright/test";
import { addMember, anonymousClient, createKey, keyClient, newOwner, NOT_FOUND } from "../api-access";
import { randomNumber } from "../phone-numbers";
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

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await newOwner(browser, "matrix-a");
  const b = await newOwner(browser, "matrix-b");
  const member = await addMember(browser, a, "MEMBER", "matrix-member");
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
