import { expect, type APIRequestContext } from "@playwright/test";
import { bindViaApi, randomNumber } from "./phone-numbers";

// A Custom SIP account whose SIP server is a sipp PBX on 127.0.0.1 (IP-trust: no digest),
// with one bound number to call from, created through the REST API as an operator would.

export async function pbxAccountViaApi(request: APIRequestContext, spaceId: string, pbxPort: number, extra: Record<string, unknown> = {}) {
  const response = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: `PBX ${pbxPort}`, sipServerAddress: `127.0.0.1:${pbxPort}`, sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
  const accountId = (await response.json()).id as string;
  const from = randomNumber();
  await bindViaApi(request, spaceId, accountId, from);
  return { accountId, from };
}

export type CallBody = {
  id: string;
  status: string;
  sipStatusCode: number | null;
  durationMs: number | null;
  durationSeconds: number | null;
  answeredAt: string | null;
  endedAt: string | null;
  failureReason: string | null;
  waitReason: string | null;
  endReason: string | null;
  events: { kind: string; detail: string | null }[];
};

/** Polls a call over REST until its status matches. */
export async function callUntil(request: APIRequestContext, spaceId: string, id: string, status: RegExp, timeout = 45_000): Promise<CallBody> {
  let call = {} as CallBody;
  await expect
    .poll(async () => {
      const res = await request.get(`/api/v1/spaces/${spaceId}/calls/${id}`);
      if (!res.ok()) return `HTTP ${res.status()}`;
      call = await res.json();
      return call.status;
    }, { timeout, intervals: [250] })
    .toMatch(status);
  return call;
}
