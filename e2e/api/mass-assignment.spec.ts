import { expect, test } from "@playwright/test";
import { createKey, keyClient, newOwner } from "../api-access";
import { call, expectations, keyOnly, makeFixture, opKey, routeOperations, sessionOnly, urlOf } from "./route-table";

// No write route lets a client set what only the server decides: every write operation from
// the route files, with each server-owned field added to a valid request, is a 400 that
// names the field, and nothing in the Space changes.

const serverOwned: Record<string, unknown> = {
  spaceId: "another-space",
  id: "chosen-id",
  inboundTrunkId: "ST_fake",
  outboundTrunkId: "ST_fake",
  livekitTrunkId: "ST_fake",
  dispatchRuleId: "SDR_fake",
  status: "provisioned",
  provisioningStatus: "provisioned",
  createdAt: "2020-01-01T00:00:00.000Z",
  secretHash: "0".repeat(64),
  createdById: "someone",
  apiKeyId: "k",
};

test("every write route refuses server-owned fields with a 400 naming them, and changes nothing", async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await newOwner(browser, "mass");
  const session = a.page.request;
  const ids = await makeFixture(session, a.spaceId);
  const key = await keyClient((await createKey(session, a.spaceId, "OWNER")).secret);
  const snapshot = async () => {
    const lists = await Promise.all(["sip-accounts", "phone-numbers", "agents", "api-keys"].map(async (r) => (await session.get(`/api/v1/spaces/${a.spaceId}/${r}`)).json()));
    // The owner key's own last use is the only thing allowed to move.
    return JSON.stringify(lists, (k, v) => (k === "lastUsedAt" ? undefined : v));
  };
  const before = await snapshot();

  const writes = routeOperations().filter((op) => op.method !== "GET");
  expect(writes.length).toBeGreaterThanOrEqual(15);
  for (const op of writes) {
    const e = expectations[opKey(op)];
    expect(e, `no expectations for ${opKey(op)}`).toBeDefined();
    const client = sessionOnly(e!) ? session : key;
    for (const [field, value] of Object.entries(serverOwned)) {
      const data = { ...(e!.body?.(ids) ?? {}), [field]: value };
      const response = await call(client, op.method, urlOf(op.route, ids), data);
      expect(response.status(), `${opKey(op)} with ${field}: ${await response.text()}`).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const body = await response.json();
      expect(body.title).toBe("Unknown fields");
      if (e!.body) expect(body.errors, `${opKey(op)} names ${field}`).toEqual([{ path: field, message: "Not a field of this resource." }]);
    }
  }
  expect(await snapshot()).toBe(before);
});

test("bodies that are not JSON objects are a 400 on every write route that takes one", async ({ browser }) => {
  const a = await newOwner(browser, "mass-json");
  const ids = await makeFixture(a.page.request, a.spaceId);
  const key = await keyClient((await createKey(a.page.request, a.spaceId, "OWNER")).secret);
  for (const op of routeOperations().filter((o) => expectations[opKey(o)]?.body)) {
    const client = keyOnly(expectations[opKey(op)]!) ? key : a.page.request;
    for (const raw of ["{not json", "[1,2]", '"text"', "null"]) {
      const response = await client.fetch(urlOf(op.route, ids), { method: op.method, data: raw, headers: { "content-type": "application/json" } });
      expect(response.status(), `${opKey(op)} with ${raw}`).toBe(400);
      expect((await response.json()).detail).toBe("The body must be a JSON object.");
    }
  }
});
