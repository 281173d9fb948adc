import { expect, test } from "@playwright/test";
import { addMember, createKey, keyClient, newOwner } from "../api-access";
import { newUser } from "../fixtures";

// Members over REST, under the Settings page's rules (lib/spaces/manage-members.ts): owners
// signed in change roles and remove members, anyone leaves by removing themself, the last
// owner can do neither, and a removed member's session and keys stop at once.

const agent = (name: string) => ({ name, greeting: "Hello.", instructions: "Be brief." });
type Members = { items: { userId: string; email: string; role: string }[] };

test("list, change a role, remove and leave over REST; a removed member's session and keys stop at once", async ({ browser }) => {
  const owner = await newOwner(browser, "rest-owner");
  const adminUser = newUser("rest-admin");
  const admin = await addMember(browser, owner, "ADMIN", "rest-admin", adminUser);
  const leaverUser = newUser("rest-leaver");
  const leaver = await addMember(browser, owner, "MEMBER", "rest-leaver", leaverUser);
  const base = `/api/v1/spaces/${owner.spaceId}`;
  const agents = `${base}/agents`;
  const adminKey = await keyClient((await createKey(admin.request, owner.spaceId, "ADMIN", "Admin's key")).secret);
  const ownerKey = await keyClient((await createKey(owner.page.request, owner.spaceId, "OWNER", "Owner's key")).secret);

  const listed = await adminKey.get(`${base}/members`);
  expect(listed.status()).toBe(200);
  const members = ((await listed.json()) as Members).items;
  expect(members.map((m) => [m.email, m.role])).toEqual([[owner.user.email, "OWNER"], [adminUser.email, "ADMIN"], [leaverUser.email, "MEMBER"]]);
  const id = (email: string) => members.find((m) => m.email === email)!.userId;
  const [ownerId, adminId, leaverId] = [id(owner.user.email), id(adminUser.email), id(leaverUser.email)];

  // Only owners, signed in: an admin's session and an owner's key are refused.
  expect((await admin.request.patch(`${base}/members/${ownerId}`, { data: { role: "MEMBER" } })).status()).toBe(403);
  expect((await admin.request.delete(`${base}/members/${leaverId}`)).status()).toBe(403);
  expect((await ownerKey.patch(`${base}/members/${adminId}`, { data: { role: "MEMBER" } })).status()).toBe(403);
  expect((await owner.page.request.patch(`${base}/members/${adminId}`, { data: { role: "KING" } })).status()).toBe(422);

  // The last owner can neither step down nor leave.
  for (const refused of [owner.page.request.patch(`${base}/members/${ownerId}`, { data: { role: "ADMIN" } }), owner.page.request.delete(`${base}/members/${ownerId}`)]) {
    const r = await refused;
    expect(r.status()).toBe(422);
    expect((await r.json()).detail).toBe("A Space needs at least one owner: make someone else an owner first.");
  }

  // A lowered role caps the admin's key at once.
  const lowered = await owner.page.request.patch(`${base}/members/${adminId}`, { data: { role: "MEMBER" } });
  expect(await lowered.json()).toEqual({ role: "MEMBER", cappedKeys: 1 });
  expect((await adminKey.post(agents, { data: agent("Refused key") })).status()).toBe(403);
  expect((await admin.request.post(agents, { data: agent("Refused session") })).status()).toBe(403);

  // Removed: the session is a stranger (404) and the key is dead (401), from the next request.
  expect((await owner.page.request.delete(`${base}/members/${adminId}`)).status()).toBe(204);
  expect((await admin.request.get(agents)).status()).toBe(404);
  expect((await adminKey.get(agents)).status()).toBe(401);

  // Leaving is removing yourself, for any member.
  expect((await leaver.request.delete(`${base}/members/${leaverId}`)).status()).toBe(204);
  expect((await leaver.request.get(agents)).status()).toBe(404);
  const left = (await (await owner.page.request.get(`${base}/members`)).json()) as Members;
  expect(left.items.map((m) => m.email)).toEqual([owner.user.email]);
});
