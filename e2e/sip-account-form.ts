import { expect, type Page } from "@playwright/test";
import { choose } from "./select";

// Drives the Custom SIP drawer the way an operator does, by its labels.

export type AccountValues = {
  name: string;
  server?: string;
  transport?: "Auto" | "UDP" | "TCP" | "TLS";
  country: string;
  ips?: string;
  outbound?: { username: string; password: string };
  inbound?: { username: string; password: string };
};

export async function openCustomSipDrawer(page: Page, spaceId: string) {
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await page.getByRole("button", { name: "Import number" }).click();
  await page.getByRole("menuitem", { name: "From Custom SIP" }).click();
  await expect(page.getByRole("dialog", { name: "Import number from Custom SIP" })).toBeVisible();
}

export async function fillAccountForm(page: Page, v: AccountValues) {
  await page.getByLabel("Account name").fill(v.name);
  await page.getByLabel("SIP server address").fill(v.server ?? "");
  await choose(page.getByLabel("SIP transport"), v.transport ?? "Auto");
  await page.getByLabel("Destination country").fill(v.country);
  await page.getByLabel("Allowed inbound IPs").fill(v.ips ?? "");
  await page.getByLabel("Outbound SIP username").fill(v.outbound?.username ?? "");
  await page.getByLabel("Outbound SIP password").fill(v.outbound?.password ?? "");
  await page.getByLabel("Inbound SIP username").fill(v.inbound?.username ?? "");
  await page.getByLabel("Inbound SIP password").fill(v.inbound?.password ?? "");
}

export async function createAccount(page: Page, v: AccountValues) {
  await page.getByRole("button", { name: "Add Custom SIP account" }).click();
  await fillAccountForm(page, v);
  await page.getByRole("button", { name: "Create account" }).click();
}

export function card(page: Page, name: string) {
  return page.getByRole("article", { name });
}

/** The account id, read from the REST API the console's session can use. */
export async function accountIdByName(page: Page, spaceId: string, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; accountName: string }[] };
  const found = items.find((a) => a.accountName === name);
  if (!found) throw new Error(`No account named ${name}`);
  return found.id;
}
