import { expect, test, type APIRequestContext } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAgentViaApi, randomNumber } from "../phone-numbers";
import { startDigestUas } from "../sipp/uas";

// Outbound calls through the real stack: sipp on 127.0.0.1 is the PBX behind the account's
// outbound trunk, challenging with a 401 digest. The agent worker is not started here (the
// room still carries the agent dispatch); e2e/console/calls-with-agent.spec.ts runs it and
// hears the agent speak.

const calls = (spaceId: string) => `/api/v1/spaces/${spaceId}/calls`;
const USER = "switchboard";
const PASS = "s3cret-digest-pw";

async function accountFor(request: APIRequestContext, spaceId: string, port: number | null, password: string) {
  const response = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: {
      accountName: `PBX ${port ?? "none"}`,
      ...(port ? { sipServerAddress: `127.0.0.1:${port}`, sipTransport: "udp", outboundUsername: USER, outboundPassword: password } : {}),
      destinationCountry: "US",
      allowedInboundIps: ["127.0.0.1"],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

async function finalCall(request: APIRequestContext, spaceId: string, id: string) {
  let call: Record<string, unknown> = {};
  await expect
    .poll(async () => {
      call = await (await request.get(`${calls(spaceId)}/${id}`)).json();
      return call.status;
    }, { timeout: 45_000, intervals: [500] })
    .toMatch(/^(completed|failed|busy|no_answer)$/);
  return call as { status: string; sipStatusCode: number | null; durationSeconds: number | null; failureReason: string | null; events: { kind: string }[] };
}

test("an outbound call authenticates with the digest, is answered and completes with a duration", async ({ page }) => {
  test.setTimeout(90_000);
  const spaceId = await signUp(page, newUser("calls-ok"));
  const uas = await startDigestUas(USER, PASS);
  const accountId = await accountFor(page.request, spaceId, uas.port, PASS);
  const agentId = await createAgentViaApi(page.request, spaceId, "Caller");
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, from, { outboundAgentId: agentId });

  const placed = await page.request.post(calls(spaceId), { data: { from, to: "+15550100200", agentId } });
  expect(placed.status(), await placed.text()).toBe(201);
  const queued = await placed.json();
  expect(queued).toMatchObject({ direction: "outbound", from, to: "+15550100200", account: { id: accountId }, agent: { id: agentId, name: "Caller" } });
  expect(["queued", "dialing"]).toContain(queued.status);

  const call = await finalCall(page.request, spaceId, queued.id);
  const sipp = await uas.done;
  expect(call.status, JSON.stringify({ call, sipp: sipp.output })).toBe("completed");
  expect(call.sipStatusCode).toBe(200);
  expect(call.durationSeconds).toBeGreaterThanOrEqual(2);
  expect(call.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["status:queued", "status:dialing", "status:in_progress", "status:completed"]));
  // The PBX challenged, and the second INVITE carried the digest it accepted.
  expect(sipp.messages).toContain("SIP/2.0 401 Unauthorized");
  expect(sipp.messages).toMatch(/Authorization: Digest [^\r\n]*username="switchboard"/);
  expect(sipp.messages).toContain("SIP/2.0 200 OK");
  expect(sipp.exitCode, sipp.output).toBe(0);

  const list = await (await page.request.get(`${calls(spaceId)}?status=completed&accountId=${accountId}`)).json();
  expect(list.items.map((c: { id: string }) => c.id)).toEqual([queued.id]);
  expect((await (await page.request.get(`${calls(spaceId)}?status=failed`)).json()).items).toEqual([]);
});

test("wrong outbound credentials fail the call with the PBX's 403, in plain words", async ({ page }) => {
  test.setTimeout(90_000);
  const spaceId = await signUp(page, newUser("calls-bad"));
  const uas = await startDigestUas(USER, PASS);
  const accountId = await accountFor(page.request, spaceId, uas.port, "not-the-password");
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, from);

  const placed = await page.request.post(calls(spaceId), { data: { from, to: "+15550100201" } });
  expect(placed.status(), await placed.text()).toBe(201);
  const call = await finalCall(page.request, spaceId, (await placed.json()).id);
  await uas.done;
  expect(call.status).toBe("failed");
  expect([401, 403, 407]).toContain(call.sipStatusCode);
  expect(call.failureReason).toMatch(/^The PBX refused/);
  expect(JSON.stringify(call)).not.toMatch(/twirp|livekit|sip_status/i);
});

test("refusals: a number without a SIP server address, a number of no Space of ours, another Space's call, an unsigned webhook", async ({ page, browser }) => {
  const spaceId = await signUp(page, newUser("calls-refuse"));
  const accountId = await accountFor(page.request, spaceId, null, PASS);
  const from = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, from);

  const noServer = await page.request.post(calls(spaceId), { data: { from, to: "+15550100202" } });
  expect(noServer.status()).toBe(422);
  expect((await noServer.json()).errors[0]).toMatchObject({ path: "from", message: expect.stringContaining("no SIP server address") });
  const notOurs = await page.request.post(calls(spaceId), { data: { from: randomNumber(), to: "+15550100202" } });
  expect(notOurs.status()).toBe(422);
  const badTo = await page.request.post(calls(spaceId), { data: { from, to: "555-0100" } });
  expect(badTo.status()).toBe(422);
  const extra = await page.request.post(calls(spaceId), { data: { from, to: "+15550100202", status: "completed" } });
  expect(extra.status()).toBe(400);
  expect((await (await page.request.get(calls(spaceId))).json()).items).toEqual([]);

  const other = await (await browser.newContext()).newPage();
  const otherSpace = await signUp(other, newUser("calls-other"));
  expect((await other.request.get(`${calls(otherSpace)}/${"c".repeat(25)}`)).status()).toBe(404);
  expect((await other.request.get(calls(spaceId))).status()).toBe(404);

  const unsigned = await page.request.post("/api/livekit/webhook", { data: { event: "room_finished", room: { name: "call-x" } } });
  expect(unsigned.status()).toBe(401);
});

test("an inbound call appears from signed webhooks when its SIP participant joins, and ends when the caller cancels", async ({ page }) => {
  test.skip(!process.env.LIVEKIT_WEBHOOK_URL, "LIVEKIT_WEBHOOK_URL is not set: livekit-server posts no webhooks to the app");
  test.setTimeout(60_000);
  const spaceId = await signUp(page, newUser("calls-inbound"));
  const accountId = await accountFor(page.request, spaceId, null, PASS);
  const agentId = await createAgentViaApi(page.request, spaceId, "Receptionist");
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, n, { inboundAgentId: agentId });

  const sipp = runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [n, "+15550100999"], pauseMs: 4000 });
  let ringing: Record<string, unknown> | undefined;
  await expect
    .poll(async () => {
      ringing = (await (await page.request.get(calls(spaceId))).json()).items[0];
      return ringing?.status;
    }, { timeout: 10_000, intervals: [300] })
    .toBe("ringing");
  expect(ringing).toMatchObject({ direction: "inbound", from: "+15550100999", to: n, account: { id: accountId }, agent: { id: agentId, name: "Receptionist" } });
  expect((await sipp).exitCode).toBe(0);

  const call = await finalCall(page.request, spaceId, ringing!.id as string);
  expect(call).toMatchObject({ status: "failed", failureReason: "The caller hung up before the call was answered.", durationSeconds: null });
  expect(call.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["status:ringing", "participant_joined", "participant_left", "status:failed"]));
});
