import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { newUser, signUp, type TestUser } from "./fixtures";
import { choose } from "./select";

// Callers of the REST API for the API-key, matrix and canary specs: signed-in owners and
// members (through the real console), API keys, and anonymous clients.

export const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
export const NOT_FOUND = { type: "about:blank", title: "Not found", status: 404, detail: "No such resource." };

export type Owner = { page: Page; user: TestUser; spaceId: string };

export async function newOwner(browser: Browser, label: string): Promise<Owner> {
  const page = await (await browser.newContext()).newPage();
  const user = newUser(label);
  const spaceId = await signUp(page, user);
  return { page, user, spaceId };
}

/** Invites a freshly signed-up user to the owner's Space through Settings → Members; returns their page once they joined. */
export async function addMember(browser: Browser, owner: Owner, role: "MEMBER" | "ADMIN" | "OWNER", label = "member", user: TestUser = newUser(label)): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, user);
  await owner.page.goto(`/s/${owner.spaceId}/settings/members`);
  await owner.page.getByLabel("Email").fill(user.email);
  await choose(owner.page.getByLabel("Role"), { MEMBER: "Member", ADMIN: "Admin", OWNER: "Owner" }[role]);
  await owner.page.getByRole("button", { name: "Invite" }).click();
  await expect(owner.page.getByRole("status").filter({ hasText: "Invitation recorded" })).toBeVisible();
  // The invitation becomes a membership at the invitee's next request.
  await expect(page.goto(`/s/${owner.spaceId}/phone-numbers`).then((r) => r?.status())).resolves.toBe(200);
  return page;
}

/** Creates an API key through the REST API with a signed-in session; returns its id and secret. */
export async function createKey(session: APIRequestContext, spaceId: string, role: "MEMBER" | "ADMIN" | "OWNER", name = `${role} key`) {
  const response = await session.post(`/api/v1/spaces/${spaceId}/api-keys`, { data: { name, role } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { key: { id: string }; secret: string };
  return { id: body.key.id, secret: body.secret };
}

/** A request context that sends only the given API key (no cookies). */
export function keyClient(secret: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

export function anonymousClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

/**
 * POSTs with a fresh Idempotency-Key, once more on a dropped connection (the same key: the
 * server does it at most once), for specs that place calls while the stack is under load.
 */
export async function postIdempotent(request: APIRequestContext, url: string, data: Record<string, unknown>) {
  const headers = { "idempotency-key": randomUUID() };
  try {
    return await request.post(url, { data, headers });
  } catch (err) {
    if (!/ECONNRESET|socket hang up/.test(String(err))) throw err;
    return request.post(url, { data, headers });
  }
}
