import { randomInt } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Helpers for the phone-number and agent specs: valid numbers unique per test (LiveKit and the
// database outlive a single test), and accounts/agents made through the REST API when the
// test is about something else.

/** A valid US number (San Francisco area code), random enough that tests never collide. */
export function randomNumber(): string {
  return `+1415${randomInt(2_000_000, 9_999_999)}`;
}

/** The same number as an operator might type it: +1 (415) 555-2671. */
export function spaced(e164: string): string {
  const d = e164.slice(2);
  return `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/** An IP-trust account; its SIP server pbx.example.com does not resolve here unless `sipServerAddress` names a sipp PBX. */
export async function createAccountViaApi(request: APIRequestContext, spaceId: string, name = "Numbers PBX", sipServerAddress = "pbx.example.com"): Promise<string> {
  const response = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: name, sipServerAddress, sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

export async function createAgentViaApi(request: APIRequestContext, spaceId: string, name: string, greeting = `Hello, this is ${name}.`): Promise<string> {
  const response = await request.post(`/api/v1/spaces/${spaceId}/agents`, {
    data: { name, greeting, instructions: "Answer briefly." },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

export async function bindViaApi(request: APIRequestContext, spaceId: string, accountId: string, number: string, extra: Record<string, unknown> = {}) {
  const response = await request.post(`/api/v1/spaces/${spaceId}/phone-numbers`, { data: { accountId, number, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: string; dispatchRuleId: string };
}

/** The numbers list row of a number. */
export function numberRow(page: Page, number: string) {
  return page.getByTestId("phone-number-row").filter({ has: page.getByRole("button", { name: number, exact: true }) });
}
