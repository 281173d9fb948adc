import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { createKey, keyClient, newOwner } from "../api-access";
import { trunksOf } from "../livekit";
import { call, expectations, keyOnly, makeFixture, opKey, routeOperations, sessionOnly, urlOf } from "./route-table";

// A canary password set through the API must never come back: not in any response body or
// header of any route (successes, refusals, replays), and not in the server's log.

const canary = `canary-${randomUUID()}`;
const accountBody = (name: string) => ({
  accountName: name,
  sipServerAddress: "pbx.example.com",
  sipTransport: "udp",
  destinationCountry: "US",
  allowedInboundIps: ["127.0.0.1"],
  outboundUsername: "out-user",
  outboundPassword: `${canary}-out`,
  inboundUsername: "in-user",
  inboundPassword: `${canary}-in`,
});

test("a canary password never appears in any response or in the server log", async ({ browser }) => {
  test.setTimeout(240_000);
  const seen: { what: string; response: APIResponse }[] = [];
  const record = async (what: string, response: Promise<APIResponse> | APIResponse) => {
    const r = await response;
    seen.push({ what, response: r });
    return r;
  };

  const c = await newOwner(browser, "canary");
  const session = c.page.request;
  const key = await keyClient((await createKey(session, c.spaceId, "OWNER")).secret);
  const base = `/api/v1/spaces/${c.spaceId}/sip-accounts`;

  const created = await record("create (session)", session.post(base, { data: accountBody("Canary PBX") }));
  expect(created.status()).toBe(201);
  const accountId = (await created.json()).id as string;
  expect((await trunksOf(accountId)).outbound[0]!.authPassword === `${canary}-out`, "the canary reached LiveKit").toBe(true);

  const idem = { "idempotency-key": randomUUID() };
  const viaKey = await record("create (key)", key.post(base, { data: accountBody("Canary PBX 2"), headers: idem }));
  expect(viaKey.status()).toBe(201);
  const replay = await record("create replay (key)", key.post(base, { data: accountBody("Canary PBX 2"), headers: idem }));
  expect(replay.headers()["idempotent-replayed"]).toBe("true");

  // Refusals that carry the canary in what was sent.
  const refusals: [string, APIRequestContext, string, string, unknown][] = [
    ["unknown field", key, "POST", base, { ...accountBody("Canary 3"), spaceId: "x" }],
    ["invalid field beside it", session, "POST", base, { ...accountBody("Canary 4"), destinationCountry: "ZZ" }],
    ["password too long", key, "PATCH", `${base}/${accountId}`, { outboundPassword: `${canary}-${"x".repeat(128)}` }],
    ["password without username", session, "PATCH", `${base}/${accountId}`, { outboundUsername: null, outboundPassword: `${canary}-alone` }],
    ["wrong type around it", key, "PATCH", `${base}/${accountId}`, { outboundPassword: [canary] }],
    ["same key, other body", key, "POST", base, { ...accountBody("Canary PBX 2"), inboundPassword: `${canary}-other` }],
  ];
  for (const [what, client, method, url, data] of refusals) {
    const r = await record(what, call(client, method, url, data, what === "same key, other body" ? idem : undefined));
    expect(r.status(), what).toBeGreaterThanOrEqual(400);
  }
  const malformed = await record("malformed JSON", key.fetch(base, { method: "POST", data: `{"outboundPassword": "${canary}"`, headers: { "content-type": "application/json" } }));
  expect(malformed.status()).toBe(400);

  const replaced = await record("replace password", key.patch(`${base}/${accountId}`, { data: { outboundPassword: `${canary}-new` } }));
  expect(replaced.status()).toBe(200);
  expect(await replaced.json()).toMatchObject({ outboundPasswordSet: true, inboundPasswordSet: true });
  await record("recreate", session.post(`${base}/${accountId}/reprovision?mode=recreate`));

  // Every route, with the canary account as the account, through both credentials.
  const ids = await makeFixture(session, c.spaceId, accountId);
  for (const op of routeOperations()) {
    const e = expectations[opKey(op)];
    expect(e, `no expectations for ${opKey(op)}`).toBeDefined();
    for (const [who, client] of [["session", session], ["key", key]] as const) {
      if (sessionOnly(e!) && who === "key") continue;
      if (keyOnly(e!) && who === "session") continue;
      const target = e!.fresh ? { ...ids, ...(await e!.fresh(session, ids)) } : ids;
      const r = await record(`${opKey(op)} (${who})`, call(client, op.method, urlOf(op.route, target), e!.body?.(target)));
      expect(r.status(), `${opKey(op)} (${who}): ${await r.text()}`).toBe(e!.ok);
    }
  }
  expect(seen.length).toBeGreaterThan(50);

  for (const { what, response } of seen) {
    expect(await response.text(), `${what}: body`).not.toContain(canary);
    expect(JSON.stringify(response.headersArray()), `${what}: headers`).not.toContain(canary);
  }

  const stackDir = process.env.STACK_DIR;
  expect(stackDir, "STACK_DIR is set by scripts/test.sh").toBeTruthy();
  const log = fs.readFileSync(path.join(stackDir!, "logs", "app.log"), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log.includes(canary), "the canary is in the server log").toBe(false);
});
