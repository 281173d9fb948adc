import { expect, test } from "@playwright/test";
import { addMember, anonymousClient, createKey, keyClient, newOwner, NOT_FOUND } from "../api-access";

// API keys: the secret once, stored hashed (never listed), a role of their own, their own
// Space only, no keys made by keys, and revocation that works at once.

const keys = (spaceId: string) => `/api/v1/spaces/${spaceId}/api-keys`;

test("create shows the secret once; the list shows name, prefix, role and use, never the secret", async ({ browser }) => {
  const a = await newOwner(browser, "keys-create");
  const created = await a.page.request.post(keys(a.spaceId), { data: { name: "CRM sync", role: "ADMIN" } });
  expect(created.status()).toBe(201);
  expect(created.headers()["cache-control"]).toBe("no-store");
  const { key, secret } = await created.json();
  expect(secret).toMatch(/^sb_live_[A-Za-z0-9_-]{43}$/);
  expect(key).toEqual({ id: expect.any(String), name: "CRM sync", prefix: secret.slice(0, 16), role: "ADMIN", createdAt: expect.any(String), lastUsedAt: null, expiresAt: null });

  const listed = await a.page.request.get(keys(a.spaceId));
  const text = await listed.text();
  expect(JSON.parse(text).items).toEqual([key]);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(secret.slice(16));

  const client = await keyClient(secret);
  expect((await client.get(`/api/v1/spaces/${a.spaceId}/sip-accounts`)).status()).toBe(200);
  const after = (await (await a.page.request.get(keys(a.spaceId))).json()).items[0];
  expect(after.lastUsedAt).not.toBeNull();
});

test("keys cannot create keys; roles cap what a key can be given and do", async ({ browser }) => {
  const a = await newOwner(browser, "keys-roles");
  const ownerKey = await keyClient((await createKey(a.page.request, a.spaceId, "OWNER")).secret);
  const refused = await ownerKey.post(keys(a.spaceId), { data: { name: "minted", role: "MEMBER" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).detail).toBe("API keys cannot create API keys. Sign in to the console to create one.");

  const admin = await addMember(browser, a, "ADMIN", "keys-admin");
  const tooHigh = await admin.request.post(keys(a.spaceId), { data: { name: "owner key", role: "OWNER" } });
  expect(tooHigh.status()).toBe(422);
  expect((await tooHigh.json()).errors).toEqual([{ path: "role", message: "You can give a key at most your own role." }]);
  expect((await admin.request.post(keys(a.spaceId), { data: { name: "admin key", role: "ADMIN" } })).status()).toBe(201);

  const member = await addMember(browser, a, "MEMBER", "keys-member");
  expect((await member.request.post(keys(a.spaceId), { data: { name: "m", role: "MEMBER" } })).status()).toBe(403);
  expect((await member.request.get(keys(a.spaceId))).status()).toBe(200);

  const memberKey = await keyClient((await createKey(a.page.request, a.spaceId, "MEMBER")).secret);
  expect((await memberKey.get(`/api/v1/spaces/${a.spaceId}/agents`)).status()).toBe(200);
  const write = await memberKey.post(`/api/v1/spaces/${a.spaceId}/agents`, { data: { name: "x", greeting: "Hi.", instructions: "Hi." } });
  expect(write.status()).toBe(403);
  const badRole = await a.page.request.post(keys(a.spaceId), { data: { name: "root", role: "ROOT" } });
  expect(badRole.status()).toBe(422);
  expect((await badRole.json()).errors[0].path).toBe("role");
});

test("a revoked key stops at once; an admin cannot revoke an owner's key", async ({ browser }) => {
  const a = await newOwner(browser, "keys-revoke");
  const made = await createKey(a.page.request, a.spaceId, "OWNER");
  const client = await keyClient(made.secret);
  expect((await client.get(keys(a.spaceId))).status()).toBe(200);

  const admin = await addMember(browser, a, "ADMIN", "keys-revoke-admin");
  expect((await admin.request.delete(`${keys(a.spaceId)}/${made.id}`)).status()).toBe(403);

  expect((await a.page.request.delete(`${keys(a.spaceId)}/${made.id}`)).status()).toBe(204);
  const after = await client.get(keys(a.spaceId));
  expect(after.status()).toBe(401);
  expect((await after.json()).detail).toBe("The API key is not valid or has been revoked.");
  expect((await (await a.page.request.get(keys(a.spaceId))).json()).items).toEqual([]);
  const again = await a.page.request.delete(`${keys(a.spaceId)}/${made.id}`);
  expect(again.status()).toBe(404);
  expect(await again.json()).toEqual(NOT_FOUND);
});

test("a key works on its own Space only: elsewhere the 404 of a missing id; bad credentials are a 401", async ({ browser }) => {
  const a = await newOwner(browser, "keys-a");
  const b = await newOwner(browser, "keys-b");
  const keyA = await createKey(a.page.request, a.spaceId, "OWNER");
  const clientA = await keyClient(keyA.secret);
  for (const path of ["sip-accounts", "agents", "phone-numbers", "api-keys", `api-keys/${keyA.id}`]) {
    const response = await clientA.get(`/api/v1/spaces/${b.spaceId}/${path}`);
    expect([404, 405]).toContain(response.status());
    if (response.status() === 404) expect(await response.json()).toEqual(NOT_FOUND);
  }
  // A key of A cannot revoke through B's URL either, even naming its own id.
  expect((await clientA.delete(`${keys(b.spaceId)}/${keyA.id}`)).status()).toBe(404);

  const anonymous = await anonymousClient();
  const forged = "sb_live_" + "A".repeat(43);
  for (const authorization of [`Bearer ${forged}`, "Bearer not-a-key", "Basic dXNlcjpwYXNz", "Bearer", keyA.secret]) {
    const response = await anonymous.get(`/api/v1/spaces/${a.spaceId}/agents`, { headers: { authorization } });
    expect(response.status(), authorization).toBe(401);
    expect(response.headers()["www-authenticate"]).toContain("Bearer");
  }
  // A bad key is a 401 even next to a valid session: the header is the credential.
  expect((await a.page.request.get(`/api/v1/spaces/${a.spaceId}/agents`, { headers: { authorization: `Bearer ${forged}` } })).status()).toBe(401);
  expect((await anonymous.get(`/api/v1/spaces/${a.spaceId}/agents`)).status()).toBe(401);
});
