import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymousClient } from "../api-access";
import { newUser, signIn, signUp } from "../fixtures";

// Password guessing: after AUTH_SIGN_IN_MAX_PER_EMAIL (default 10) failed sign-ins an email is
// refused for the window, even with the right password, and an unknown email is answered
// exactly like a known one. The form says why.

const PER_EMAIL = 10;

/** One sign-in through next-auth's own endpoint; the error code it answers, or null on success. */
async function attempt(client: APIRequestContext, email: string, password: string): Promise<string | null> {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const r = await client.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" }, maxRedirects: 0 });
  const location = r.headers()["location"] ?? ((await r.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return new URL(location, "http://x").searchParams.get("error");
}

test("failed sign-ins throttle an email, known or not, alike; the form says so", async ({ page }) => {
  test.setTimeout(120_000);
  const user = newUser("throttle");
  await signUp(page, user);
  const unknown = newUser("nobody").email;
  const known = await anonymousClient();
  const other = await anonymousClient();

  const answers = { known: [] as (string | null)[], unknown: [] as (string | null)[] };
  for (let i = 0; i < PER_EMAIL + 1; i++) {
    answers.known.push(await attempt(known, user.email, `wrong-${i}`));
    answers.unknown.push(await attempt(other, unknown, `wrong-${i}`));
  }
  const expected = [...Array(PER_EMAIL).fill("CredentialsSignin"), "TooManyAttempts"];
  expect(answers.known).toEqual(expected);
  expect(answers.unknown).toEqual(expected);
  // The right password no longer helps, whatever the case of the email.
  expect(await attempt(await anonymousClient(), user.email.toUpperCase(), user.password)).toBe("TooManyAttempts");

  const form = await (await page.context().browser()!.newContext()).newPage();
  await form.goto("/sign-in");
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Too many sign-in attempts. Wait a few minutes and try again." })).toBeVisible();
  await expect(form).toHaveURL(/\/sign-in/);

  // Another user is not affected, and a success does not count as a failure.
  const fresh = newUser("unaffected");
  const freshPage = await (await page.context().browser()!.newContext()).newPage();
  await signUp(freshPage, fresh);
  const client = await anonymousClient();
  for (let i = 0; i < PER_EMAIL + 2; i++) expect(await attempt(client, fresh.email, fresh.password)).toBeNull();
  const again = await (await page.context().browser()!.newContext()).newPage();
  await signIn(again, fresh);
});
