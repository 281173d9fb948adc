import { expect, request as playwrightRequest, test, type Locator, type Page } from "@playwright/test";
import { addMember, baseURL, createKey, keyClient, newOwner } from "../api-access";
import { adminPage } from "../deployment-admin";
import { newUser } from "../fixtures";

// Deleting your own user from Settings → Your account: the last owner of a Space with other
// members is stopped with the Space named; otherwise the user's sessions and keys stop at once
// and the Spaces they were alone in go with them.

async function expectSignInRefused(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
}

async function openDeleteDialog(page: Page, spaceId: string, beforeOpening?: () => Promise<void>) {
  await page.goto(`/s/${spaceId}/settings/account`);
  await beforeOpening?.();
  await page.getByRole("button", { name: "Delete account" }).click();
  return page.getByRole("alertdialog", { name: "Delete your account?" });
}

async function confirmWith(dialog: Locator, password: string) {
  await dialog.getByLabel("Current password").fill(password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
}

test("deleting your user ends its sessions and keys at once; the last owner of a shared Space is stopped; a Space you were alone in goes with you", async ({ browser }) => {
  const owner = await newOwner(browser, "delete-owner");
  const memberUser = newUser("delete-member");
  const member = await addMember(browser, owner, "ADMIN", "delete-member", memberUser);
  const agents = `/api/v1/spaces/${owner.spaceId}/agents`;
  const key = await keyClient((await createKey(member.request, owner.spaceId, "ADMIN", "Member's key")).secret);
  expect((await key.get(agents)).status()).toBe(200);
  // The member's cookies as they are now, to replay after the deletion.
  const oldSession = await playwrightRequest.newContext({ baseURL, storageState: await member.context().storageState() });
  expect((await oldSession.get(agents)).status()).toBe(200);

  // The owner is the last owner and the Space has another member: refused, the Space named.
  let dialog = await openDeleteDialog(owner.page, owner.spaceId, async () => {
    await expect(owner.page.getByRole("note")).toContainText(`You are the last owner of “${owner.user.spaceName}”`);
  });
  await confirmWith(dialog, owner.user.password);
  await expect(dialog.getByRole("alert")).toHaveText(`You are the last owner of “${owner.user.spaceName}”, which has other members: make one of them an owner or remove them first.`);
  expect((await owner.page.request.get(agents)).status()).toBe(200);

  // The member: a wrong password changes nothing; the right one deletes, saying which Space goes.
  dialog = await openDeleteDialog(member, owner.spaceId);
  await expect(dialog).toContainText(`You are the only member of “${memberUser.spaceName}”: it is deleted with your account`);
  await confirmWith(dialog, "not-the-password");
  await expect(dialog.getByRole("alert")).toHaveText("That is not your current password.");
  await confirmWith(dialog, memberUser.password);
  await expect(member).toHaveURL(/\/sign-in/);

  expect((await oldSession.get(agents)).status()).toBe(401);
  expect((await key.get(agents)).status()).toBe(401);
  await owner.page.goto(`/s/${owner.spaceId}/settings/members`);
  await expect(owner.page.getByTestId("member-row")).toHaveCount(1);
  await expectSignInRefused(member, memberUser);

  // Alone now, the owner may go, and their Space with them (the deployment's administrator
  // sees it before and not after).
  const admin = await adminPage(browser);
  expect((await admin.goto(`/admin/spaces/${owner.spaceId}`))?.status()).toBe(200);
  const ownerSession = await playwrightRequest.newContext({ baseURL, storageState: await owner.page.context().storageState() });
  dialog = await openDeleteDialog(owner.page, owner.spaceId);
  await expect(dialog).toContainText(`You are the only member of “${owner.user.spaceName}”`);
  await confirmWith(dialog, owner.user.password);
  await expect(owner.page).toHaveURL(/\/sign-in/);
  expect((await ownerSession.get(agents)).status()).toBe(401);
  expect((await admin.goto(`/admin/spaces/${owner.spaceId}`))?.status()).toBe(404);
  await expectSignInRefused(owner.page, owner.user);
});
