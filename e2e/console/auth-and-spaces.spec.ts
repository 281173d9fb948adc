import { expect, test } from "@playwright/test";
import { newUser, signIn, signOut, signUp } from "../fixtures";

test("sign up lands on the Phone Numbers empty state, sign out and sign in again", async ({ page }) => {
  const user = newUser("signup");
  await signUp(page, user);
  await expect(page.getByRole("heading", { name: "Phone Numbers", exact: true })).toBeVisible();
  await expect(page.getByText("No phone numbers yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import number" })).toBeVisible();
  for (const item of ["Phone Numbers", "Agents", "Calls", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item })).toBeVisible();
  }

  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, user);
  await expect(page.getByLabel("Space")).toHaveValue(/.+/);
  await expect(page.getByLabel("Space").locator("option:checked")).toHaveText(user.spaceName);
});

test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
  const user = newUser("wrongpw");
  await signUp(page, user);
  await signOut(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up puts validation errors on their fields; a taken email with another password is told to sign in and changes nothing", async ({ page }) => {
  const user = newUser("dupe");
  await signUp(page, user);
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByLabel("Space name").fill("Other");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("We could not sign you in. If you already have an account with this email, sign in with its password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
  // The account is untouched: its own password still signs in, and no second Space appeared.
  await signIn(page, user);
  await expect(page.getByLabel("Space").locator("option:checked")).toHaveText(user.spaceName);
  await expect(page.getByLabel("Space").locator("option", { hasText: "Other" })).toHaveCount(0);
});

test("the Space switcher creates a second Space and switches between them", async ({ page }) => {
  const user = newUser("switch");
  const firstSpaceId = await signUp(page, user);
  await page.getByLabel("Space").selectOption({ label: "+ New Space…" });
  await expect(page).toHaveURL(/\/spaces\/new$/);
  await page.getByLabel("Space name").fill("Second space");
  await page.getByRole("button", { name: "Create Space" }).click();
  await expect(page).toHaveURL(/\/s\/[^/]+\/phone-numbers$/);
  expect(page.url()).not.toContain(firstSpaceId);
  await expect(page.getByLabel("Space").locator("option:checked")).toHaveText("Second space");

  await page.getByLabel("Space").selectOption({ label: user.spaceName });
  await expect(page).toHaveURL(new RegExp(`/s/${firstSpaceId}/phone-numbers$`));
  await expect(page.getByLabel("Space").locator("option:checked")).toHaveText(user.spaceName);
});

test("a member of Space A opening Space B's pages gets a 404", async ({ browser }) => {
  const a = newUser("tenant-a");
  const b = newUser("tenant-b");
  const pageB = await (await browser.newContext()).newPage();
  const spaceB = await signUp(pageB, b);

  const pageA = await (await browser.newContext()).newPage();
  await signUp(pageA, a);
  for (const section of ["phone-numbers", "agents", "calls", "settings/platform", "settings/members"]) {
    const response = await pageA.goto(`/s/${spaceB}/${section}`);
    expect(response?.status(), section).toBe(404);
    await expect(pageA.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(pageA.getByText(b.spaceName)).toHaveCount(0);
  }
  // A made-up id looks exactly the same.
  const missing = await pageA.goto(`/s/does-not-exist/phone-numbers`);
  expect(missing?.status()).toBe(404);
});

test("an owner invites an existing user, who then sees the Space in their switcher", async ({ browser }) => {
  const owner = newUser("owner");
  const invitee = newUser("invitee");
  const inviteePage = await (await browser.newContext()).newPage();
  await signUp(inviteePage, invitee);

  const ownerPage = await (await browser.newContext()).newPage();
  const spaceId = await signUp(ownerPage, owner);
  await ownerPage.goto(`/s/${spaceId}/settings/members`);
  await ownerPage.getByLabel("Email").fill(invitee.email);
  await ownerPage.getByRole("button", { name: "Invite" }).click();
  await expect(ownerPage.getByRole("status")).toHaveText(`Invitation recorded for ${invitee.email}. They join this Space at their next visit, or when they sign up with this email.`);
  await expect(ownerPage.getByTestId("invite-row")).toHaveCount(1);
  await expect(ownerPage.getByTestId("invite-row")).toContainText(`${invitee.email} · Member`);

  const response = await inviteePage.goto(`/s/${spaceId}/phone-numbers`);
  expect(response?.status()).toBe(200);
  await expect(inviteePage.getByLabel("Space").locator("option:checked")).toHaveText(owner.spaceName);
  await inviteePage.goto(`/s/${spaceId}/settings/members`);
  await expect(inviteePage.getByText("Only owners can invite members.")).toBeVisible();
  await ownerPage.reload();
  await expect(ownerPage.getByRole("cell", { name: invitee.email })).toBeVisible();
  await expect(ownerPage.getByTestId("invite-row")).toHaveCount(0);
});

test("Settings → Platform shows the gateway Domain and Our SIP server IPs from configuration", async ({ page }) => {
  const user = newUser("platform");
  await signUp(page, user);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/platform$/);
  await expect(page.getByRole("term").filter({ hasText: /^Domain$/ })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Our SIP server IPs" })).toBeVisible();
  await expect(page.getByTestId("sip-domain")).toHaveText(process.env.SIP_PUBLIC_DOMAIN ?? "");
  await expect(page.getByTestId("sip-ip")).toHaveText((process.env.SIP_PUBLIC_IPS ?? "").split(","));
});
