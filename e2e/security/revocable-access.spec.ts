import { expect, test } from "@playwright/test";
import { addMember, createKey, keyClient, newOwner } from "../api-access";
import { signIn } from "../fixtures";
import { choose } from "../select";

// Access that can be taken back: an owner lowers a member's role and then removes them in
// Settings → Members, and the member's session and the API keys they created follow at once.

const agent = (name: string) => ({ name, greeting: "Hello.", instructions: "Be brief." });

test("a lowered role caps the member's keys at once; a removed member's session and keys stop working at once; the last owner cannot leave", async ({ browser }) => {
  const owner = await newOwner(browser, "revoke-owner");
  const member = await addMember(browser, owner, "ADMIN", "revoke-admin");
  const { spaceId } = owner;
  const agents = `/api/v1/spaces/${spaceId}/agents`;
  const key = await keyClient((await createKey(member.request, spaceId, "ADMIN", "Admin's key")).secret);
  expect((await key.post(agents, { data: agent("Made by key") })).status()).toBe(201);
  expect((await member.request.post(agents, { data: agent("Made by admin") })).status()).toBe(201);

  await owner.page.goto(`/s/${spaceId}/settings/members`);
  const row = owner.page.getByTestId("member-row").filter({ hasNotText: owner.user.email });
  await row.getByRole("button", { name: "Change role" }).click();
  const dialog = owner.page.getByRole("alertdialog", { name: "Change role?" });
  await choose(dialog.getByLabel("New role"), "Member");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("cell", { name: "Member", exact: true })).toBeVisible();

  // Members read but do not write: the session and the admin's key alike, from the next request.
  expect((await member.request.post(agents, { data: agent("Refused session") })).status()).toBe(403);
  expect((await key.post(agents, { data: agent("Refused key") })).status()).toBe(403);
  expect((await key.get(agents)).status()).toBe(200);
  const keys = (await (await owner.page.request.get(`/api/v1/spaces/${spaceId}/api-keys`)).json()) as { items: { name: string; role: string }[] };
  expect(keys.items.find((k) => k.name === "Admin's key")?.role).toBe("MEMBER");

  await row.getByRole("button", { name: "Remove" }).click();
  await owner.page.getByRole("alertdialog", { name: "Remove this member?" }).getByRole("button", { name: "Remove member" }).click();
  await expect(owner.page.getByTestId("member-row")).toHaveCount(1);
  expect((await member.request.get(agents)).status()).toBe(404);
  expect((await key.get(agents)).status()).toBe(401);
  expect((await member.goto(`/s/${spaceId}/phone-numbers`))?.status()).toBe(404);

  // The only owner cannot leave: the Space would have nobody to manage it.
  await owner.page.getByTestId("member-row").getByRole("button", { name: "Leave" }).click();
  await owner.page.getByRole("alertdialog", { name: "Leave this Space?" }).getByRole("button", { name: "Leave Space" }).click();
  await expect(owner.page.getByText("A Space needs at least one owner: make someone else an owner first.")).toBeVisible();
  expect((await owner.page.request.get(agents)).status()).toBe(200);
});

test("End all sessions signs the user out in every browser at its next request; signing in again works", async ({ browser }) => {
  const owner = await newOwner(browser, "sessions");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, owner.user);
  const agents = `/api/v1/spaces/${owner.spaceId}/agents`;
  expect((await elsewhere.request.get(agents)).status()).toBe(200);

  await owner.page.getByRole("button", { name: "End all sessions" }).click();
  await expect(owner.page).toHaveURL(/\/sign-in/);
  expect((await elsewhere.request.get(agents)).status()).toBe(401);
  await elsewhere.goto(`/s/${owner.spaceId}/phone-numbers`);
  await expect(elsewhere).toHaveURL(/\/sign-in/);

  await signIn(elsewhere, owner.user);
  expect((await elsewhere.request.get(agents)).status()).toBe(200);
});
