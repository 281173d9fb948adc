import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export type TestUser = { name: string; email: string; password: string; spaceName: string };

/** A fresh user per test, so tests never share state. */
export function newUser(label = "user"): TestUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `E2E ${label} ${id}`,
    email: `${label}-${id}@e2e.switchboard.test`,
    password: `pw-${randomUUID()}`,
    spaceName: `Space ${label} ${id}`,
  };
}

/** Signs up through the real form and returns the new Space's id from the URL. */
export async function signUp(page: Page, user: TestUser): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByLabel("Space name").fill(user.spaceName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/s\/[^/]+\/phone-numbers$/);
  return spaceIdFromUrl(page.url());
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/s\/[^/]+\/phone-numbers$/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export function spaceIdFromUrl(url: string): string {
  const match = /\/s\/([^/]+)\//.exec(new URL(url).pathname + "/");
  if (!match?.[1]) throw new Error(`No Space id in ${url}`);
  return match[1];
}
