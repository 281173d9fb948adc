import { expect, type APIRequestContext } from "@playwright/test";
import { bindViaApi, randomNumber } from "./phone-numbers";

// A from-number for the batch specs whose account dials 127.0.0.1:5999, where nothing
// listens: a call the dispatcher does dial fails there and reaches nobody. The account
// starts at most one call every 10 s, so a batch's later rows stay queued long enough to
// be cancelled.

export const batchesUrl = (spaceId: string) => `/api/v1/spaces/${spaceId}/batches`;

export async function batchOrigin(request: APIRequestContext, spaceId: string): Promise<string> {
  const account = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: `Batch PBX ${randomNumber().slice(-4)}`, sipServerAddress: "127.0.0.1:5999", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], maxConcurrentCalls: 1, callsPerSecond: 0.1 },
  });
  expect(account.status(), await account.text()).toBe(201);
  const from = randomNumber();
  await bindViaApi(request, spaceId, (await account.json()).id as string, from);
  return from;
}
