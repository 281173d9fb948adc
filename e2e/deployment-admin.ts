import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The deployment's administrator of the e2e run: the email scripts/test/run-suite.sh names in
// SWITCHBOARD_ADMIN_EMAILS. One user for the whole run: the first test to need it signs it
// up, every later one (other workers, --repeat-each) signs in.

export const DEPLOYMENT_ADMIN = {
  name: "E2E deployment admin",
  email: "deployment-admin@e2e.switchboard.test",
  password: "e2e-deployment-admin-password",
  spaceName: "Deployment admin's Space",
};

export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(DEPLOYMENT_ADMIN.name);
  await page.getByLabel("Email").fill(DEPLOYMENT_ADMIN.email);
  await page.getByLabel("Password").fill(DEPLOYMENT_ADMIN.password);
  await page.getByLabel("Space name").fill(DEPLOYMENT_ADMIN.spaceName);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up with an existing account's own password signs it in, so later tests land alike.
  const refused = page.getByText("We could not sign you in.");
  await expect(page.getByRole("heading", { name: "Phone Numbers", exact: true }).or(refused)).toBeVisible();
  if (await refused.isVisible()) await signIn(page, DEPLOYMENT_ADMIN);
  return page;
}
