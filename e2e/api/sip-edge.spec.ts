import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { newUser, signUp } from "../fixtures";
import { killEdge, startLiveKitServer } from "../livekit";
import { bindViaApi, randomNumber } from "../phone-numbers";
import { startWebhookReceiver, waitFor } from "../webhook-receiver";

// The SIP edge (Kamailio) in front of livekit-sip, from the PBX's side: sipp sends INVITEs to
// the stack's public SIP port from loopback addresses of its own, and the operator reads the
// refusals over REST. These are the inbound access rules of lib/sip-accounts/live-calls.int
// .test.ts (direct mode) again, through the edge. No agent worker runs in this project, so a
// call that reached LiveKit is recognised by its CANCEL: LiveKit answers 487 only to a call a
// trunk took (invite-cancel.xml).

type Refused = { cause: string; calledNumber: string; matchedNumber: string | null; sourceAddress: string; sipStatusCode: number; explanation: string; fix: { kind: string; label: string } | null };

/** A loopback address no other test's account lists, so attribution by address is this test's. */
const pbxAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function account(request: APIRequestContext, spaceId: string, body: Record<string, unknown>) {
  const response = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: `Edge PBX ${randomInt(1e6)}`, destinationCountry: "US", ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** A new Space with an IP-trust account for a PBX on its own loopback address, and one bound number. */
async function pbxWithNumber(page: Page, label: string) {
  const spaceId = await signUp(page, newUser(label));
  const address = pbxAddress();
  const accountId = await account(page.request, spaceId, { allowedInboundIps: [address] });
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);
  return { spaceId, address, accountId, number };
}

async function refusals(request: APIRequestContext, spaceId: string, count: number): Promise<Refused[]> {
  let items: Refused[] = [];
  await expect
    .poll(async () => {
      items = (await (await request.get(`/api/v1/spaces/${spaceId}/refused-calls`)).json()).items;
      return items.length;
    }, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(count);
  return items;
}

test("an unbound number is answered 404 within a second, shown to the account whose PBX sent it with Bind as the fix, and sent as call.refused", async ({ page }) => {
  const spaceId = await signUp(page, newUser("edge-404"));
  const receiver = await startWebhookReceiver();
  try {
    const hook = await page.request.post(`/api/v1/spaces/${spaceId}/webhooks`, { data: { url: receiver.url, events: ["call.refused"] } });
    expect(hook.status(), await hook.text()).toBe(201);
    receiver.secret = (await hook.json()).secret;
    const address = pbxAddress();
    const accountId = await account(page.request, spaceId, { allowedInboundIps: [address] });
    const unbound = randomNumber();

    const sipp = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [unbound, "+15550100123"], localIp: address, timeoutSeconds: 15 });
    expect(sipp.statusLines.at(-1), sipp.output).toBe("SIP/2.0 404 Not Found");
    // The scenario waits at most 1 s for the final answer.
    expect(sipp.exitCode, sipp.output).toBe(0);

    const [refused] = await refusals(page.request, spaceId, 1);
    expect(refused).toMatchObject({ cause: "unknown_number", calledNumber: unbound, sourceAddress: address, sipStatusCode: 404 });
    expect(refused!.explanation).toContain("not bound");
    expect(refused!.fix).toMatchObject({ kind: "bind_number", label: `Bind ${unbound} to this account` });

    await waitFor(() => receiver.received.some((e) => e.type === "call.refused"), 30_000, "call.refused");
    const event = receiver.received.find((e) => e.type === "call.refused")!;
    expect(event.verified).toBe(true);
    expect(event.data).toMatchObject({ sipAccountId: accountId, cause: "unknown_number", calledNumber: unbound, sipStatusCode: 404, sourceAddress: address });
  } finally {
    await receiver.close();
  }
});

test("a caller outside Allowed inbound IPs is answered 403 and the refusal names its address; the allowed PBX gets through", async ({ page }) => {
  const spaceId = await signUp(page, newUser("edge-403"));
  const allowed = pbxAddress();
  const stranger = pbxAddress();
  const accountId = await account(page.request, spaceId, { allowedInboundIps: [allowed] });
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);

  const refused = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [number, "+15550100124"], localIp: stranger, timeoutSeconds: 15 });
  expect(refused.statusLines.at(-1), refused.output).toBe("SIP/2.0 403 Forbidden");
  const [row] = await refusals(page.request, spaceId, 1);
  expect(row).toMatchObject({ cause: "address_not_allowed", matchedNumber: number, sourceAddress: stranger, sipStatusCode: 403 });
  expect(row!.fix).toMatchObject({ kind: "allow_address", label: `Add ${stranger} to Allowed inbound IPs` });

  // The control: the same number from the allowed address reaches LiveKit.
  const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100125"], localIp: allowed, pauseMs: 500 });
  expect(call.exitCode, call.output).toBe(0);
});

test("a PBX that sends the number without + or in national format reaches the bound E.164 number", async ({ page }) => {
  const { spaceId, address, number } = await pbxWithNumber(page, "edge-national");

  // "14155552671" (no +) and "4155552671" (the US national form).
  for (const called of [number.slice(1), number.slice(2)]) {
    const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [called, "+15550100126"], localIp: address, pauseMs: 500 });
    expect(call.exitCode, `${called}: ${call.output}`).toBe(0);
  }
  // LiveKit saw the E.164 form: the call log names the bound number for both.
  await expect
    .poll(async () => {
      const calls = (await (await page.request.get(`/api/v1/spaces/${spaceId}/calls?direction=inbound`)).json()).items as { to: string }[];
      return calls.map((c) => c.to);
    }, { timeout: 15_000 })
    .toEqual([number, number]);
  expect((await (await page.request.get(`/api/v1/spaces/${spaceId}/refused-calls`)).json()).items).toEqual([]);
});

test("digest stays end to end: the right password reaches LiveKit, a wrong one is refused and shown as a password problem", async ({ page }) => {
  const spaceId = await signUp(page, newUser("edge-digest"));
  const accountId = await account(page.request, spaceId, { inboundUsername: "pbx-in", inboundPassword: "in-secret-42-edge" });
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);

  const ok = await runSipp({ scenario: "invite-digest-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100127"], pauseMs: 500, auth: { username: "pbx-in", password: "in-secret-42-edge" } });
  // LiveKit's own challenge, relayed once, and the authenticated INVITE taken by the trunk.
  expect(ok.statusLines.filter((l) => l.startsWith("SIP/2.0 407")), ok.statusLines.join("\n")).toHaveLength(1);
  expect(ok.exitCode, ok.output).toBe(0);

  const wrong = await runSipp({ scenario: "invite-digest-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100128"], pauseMs: 500, recvTimeoutMs: 5_000, timeoutSeconds: 20, auth: { username: "pbx-in", password: "not-the-password" } });
  expect(wrong.exitCode).not.toBe(0);
  expect(wrong.statusLines.some((l) => l.startsWith("SIP/2.0 180"))).toBe(false);
  const [row] = await refusals(page.request, spaceId, 1);
  expect(row).toMatchObject({ cause: "digest_failed", matchedNumber: number });
  expect(row!.fix).toMatchObject({ kind: "check_inbound_password", label: "Check the inbound password on your PBX" });
});

test("the edge remembers its answers, yet every change applies to the next INVITE: bind, allowlist, unbind", async ({ page }) => {
  const spaceId = await signUp(page, newUser("edge-cache"));
  const address = pbxAddress();
  const moved = pbxAddress();
  const accountId = await account(page.request, spaceId, { allowedInboundIps: [address] });
  const number = randomNumber();
  const invite = (scenario: "invite-refused.xml" | "invite-cancel.xml", from: string) =>
    runSipp({ scenario, targetPort: stackSipPort(), fields: [number, "+15550100130"], localIp: from, pauseMs: 500, timeoutSeconds: 15 });

  // Refused twice (the second from the edge's memory), then bound: the next INVITE goes through.
  for (let i = 0; i < 2; i++) expect((await invite("invite-refused.xml", address)).statusLines.at(-1)).toBe("SIP/2.0 404 Not Found");
  const bound = await bindViaApi(page.request, spaceId, accountId, number);
  const through = await invite("invite-cancel.xml", address);
  expect(through.exitCode, through.output).toBe(0);

  // The PBX moves: the old address, relayed a moment ago, is refused at once; the new one gets through.
  const patched = await page.request.patch(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}`, { data: { allowedInboundIps: [moved] } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect((await invite("invite-refused.xml", address)).statusLines.at(-1)).toBe("SIP/2.0 403 Forbidden");
  const fromMoved = await invite("invite-cancel.xml", moved);
  expect(fromMoved.exitCode, fromMoved.output).toBe(0);

  // Unbound: the number relayed a moment ago is unknown again.
  const removed = await page.request.delete(`/api/v1/spaces/${spaceId}/phone-numbers/${bound.id}`);
  expect(removed.status(), await removed.text()).toBe(204);
  expect((await invite("invite-refused.xml", moved)).statusLines.at(-1)).toBe("SIP/2.0 404 Not Found");
});

test("the edge killed with SIGKILL and started again routes from the database as before: nothing to restore", async ({ page }) => {
  const { spaceId, address, accountId, number } = await pbxWithNumber(page, "edge-restart");

  // A binding made while the edge is down is known to it at once when it is back.
  const later = randomNumber();
  killEdge();
  try {
    await bindViaApi(page.request, spaceId, accountId, later);
  } finally {
    startLiveKitServer();
  }
  for (const called of [number, later]) {
    const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [called, "+15550100129"], localIp: address, pauseMs: 500 });
    expect(call.exitCode, `${called}: ${call.output}`).toBe(0);
  }
  const unknown = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [randomNumber(), "+15550100129"], localIp: address, timeoutSeconds: 15 });
  expect(unknown.statusLines.at(-1), unknown.output).toBe("SIP/2.0 404 Not Found");
});
