import { expect, test, type Page, type Route } from "@playwright/test";
import { newOwner } from "../api-access";
import { newUser, signUp, type TestUser } from "../fixtures";

// Sign-up and invitations answer a stranger alike whether an email has an account or not:
// the server action's status and body byte for byte, and the words the owner reads.

type Answer = { status: number; body: string };

/** Runs `act` and returns the server action's answer, read in passing (the page may navigate on). */
async function actionAnswer(page: Page, act: () => Promise<void>): Promise<Answer> {
  let seen: (a: Answer) => void = () => undefined;
  const answer = new Promise<Answer>((resolve) => (seen = resolve));
  const handler = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST" || request.headers()["next-action"] === undefined) return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    seen({ status: response.status(), body });
    await route.fulfill({ response, body });
  };
  await page.route("**/*", handler);
  await act();
  const result = await answer;
  await page.unroute("**/*", handler);
  return result;
}

async function signUpAnswer(page: Page, user: TestUser) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByLabel("Space name").fill(user.spaceName);
  const started = Date.now();
  const answer = await actionAnswer(page, () => page.getByRole("button", { name: "Create account" }).click());
  return { ...answer, ms: Date.now() - started };
}

test("sign-up answers a taken email exactly as a new one", async ({ browser }) => {
  const existing = newUser("enum-existing");
  await signUp(await (await browser.newContext()).newPage(), existing);

  const stranger = await (await browser.newContext()).newPage();
  // Another password and Space name: a stranger knows the email, nothing else.
  const known = await signUpAnswer(stranger, { ...newUser("enum-probe"), email: existing.email });
  await expect(stranger.getByText("We could not sign you in. If you already have an account with this email, sign in with its password.")).toBeVisible();
  const unknown = await signUpAnswer(await (await browser.newContext()).newPage(), newUser("enum-new"));

  expect(known.status).toBe(200);
  expect({ status: known.status, body: known.body }).toEqual({ status: unknown.status, body: unknown.body });
  test.info().annotations.push({ type: "sign-up answer ms", description: `known ${known.ms}, unknown ${unknown.ms}` });
});

test("an invitation answers an email with an account exactly as one without", async ({ browser }) => {
  const owner = await newOwner(browser, "enum-owner");
  const existing = newUser("enum-invitee");
  await signUp(await (await browser.newContext()).newPage(), existing);
  await owner.page.goto(`/s/${owner.spaceId}/settings/members`);

  async function invite(email: string) {
    await owner.page.getByLabel("Email").fill(email);
    const answer = await actionAnswer(owner.page, () => owner.page.getByRole("button", { name: "Invite" }).click());
    await expect(owner.page.getByRole("status")).toContainText(email);
    const shown = (await owner.page.getByRole("status").textContent()) ?? "";
    await expect(owner.page.getByTestId("invite-row").filter({ hasText: email })).toBeVisible();
    return { ...answer, shown: shown.replace(email, "<email>") };
  }
  const known = await invite(existing.email);
  const unknown = await invite(newUser("enum-nobody").email);

  expect(known.shown).toBe("Invitation recorded for <email>. They join this Space at their next visit, or when they sign up with this email.");
  expect(known).toEqual(unknown);
  // Both are pending, side by side, until the invitee shows up.
  await expect(owner.page.getByTestId("invite-row")).toHaveCount(2);
  await expect(owner.page.getByTestId("member-row")).toHaveCount(1);
});
