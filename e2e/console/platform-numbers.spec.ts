import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { placeCall } from "../../agent-worker/test/sip-call";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { agentWorker, finishedCall } from "../agent-calls";
import { newOwner, postIdempotent } from "../api-access";
import { adminPage } from "../deployment-admin";
import { dispatchRulesOf } from "../livekit";
import { bindViaApi, createAgentViaApi, numberRow, randomNumber } from "../phone-numbers";
import { choose } from "../select";
import { accountIdByName, createAccount } from "../sip-account-form";
import { startDigestUas } from "../sipp/uas";

// The platform's own carrier (issue 17, points 2 and 3), end to end on the real stack: the
// deployment's administrator describes the carrier in Admin → Carrier with the Custom SIP form
// (sipp on 127.0.0.1 plays the carrier: it sends the inbound INVITE through the SIP edge and,
// as a UAS, challenges the outbound INVITE with its digest), adds a DID to the pool and
// assigns it to a Space. The Space's agent answers it, the Space calls out through the
// carrier, suspension refuses it, and unassigning returns it to the pool.

const PROVIDER = "E2E Carrier"; // TELEPHONY_PROVIDER of the test stack (scripts/test/run-suite.sh)
const CARRIER_USER = "platform-trunk";
const CARRIER_PASS = "carrier-digest-pw-7";
const GREETING = "Good evening, you have reached the city library. How may I help you?";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => agentWorker("start"));
test.afterAll(() => agentWorker("stop"));

test("a platform number: assigned by the administrator, answered by the Space's agent, calling out through the carrier's digest, refused while suspended, back in the pool when unassigned", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await newOwner(browser, "platform-tenant");
  const tenant = owner.page.request;
  const admin = await adminPage(browser);
  const carrier = await startDigestUas(CARRIER_USER, CARRIER_PASS, { timeoutSeconds: 240 });
  const carrierName = `Carrier ${randomInt(1_000_000)}`;

  // Admin → Carrier: the carrier connection through the Custom SIP form, in the platform Space.
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Carrier" }).click();
  await expect(admin.getByRole("heading", { name: "Platform carrier" })).toBeVisible();
  await expect(admin.getByText(`(${PROVIDER})`)).toBeVisible();
  await admin.getByRole("button", { name: "Carrier accounts" }).click();
  await createAccount(admin, { name: carrierName, server: `127.0.0.1:${carrier.port}`, transport: "UDP", country: "US", ips: "127.0.0.1", outbound: { username: CARRIER_USER, password: CARRIER_PASS } });
  await expect(admin.getByText(`${carrierName} was created.`)).toBeVisible();
  const platform = (await (await admin.request.get("/api/admin/platform")).json()) as { spaceId: string; provider: string };
  expect(platform.provider).toBe(PROVIDER);
  const carrierId = await accountIdByName(admin, platform.spaceId, carrierName);
  // The pool: a DID bound to the carrier account.
  const did = randomNumber();
  await bindViaApi(admin.request, platform.spaceId, carrierId, did);
  await admin.keyboard.press("Escape");
  await admin.reload();
  const poolRow = admin.getByTestId("platform-number-row").filter({ hasText: did });
  await expect(poolRow).toContainText("Pool");
  await choose(poolRow.getByLabel(`Space for ${did}`), owner.user.spaceName);
  await poolRow.getByRole("button", { name: "Assign" }).click();
  await expect(poolRow).toContainText(owner.user.spaceName);

  // The Space: "Platform number" under the carrier's label, never the carrier's account.
  const agentId = await createAgentViaApi(tenant, owner.spaceId, "Bakery desk", GREETING);
  await owner.page.goto(`/s/${owner.spaceId}/phone-numbers`);
  const row = numberRow(owner.page, did);
  await expect(row).toContainText("Platform number");
  await expect(row).toContainText(PROVIDER);
  await expect(row.getByTestId("number-ownership")).toContainText("Verified");
  await row.getByRole("button", { name: did, exact: true }).click();
  const drawer = owner.page.getByRole("dialog");
  await choose(drawer.getByLabel("Inbound agent"), "Bakery desk");
  await choose(drawer.getByLabel("Outbound agent"), "Bakery desk");
  await drawer.getByRole("button", { name: "Save" }).click();
  await expect(drawer.getByRole("status")).toHaveText("Saved.");
  await expect(drawer).toContainText("only they can return it to the pool");
  await expect(drawer.getByRole("button", { name: "Remove number" })).toHaveCount(0);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(row).toContainText("Bakery desk");
  const listed = await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/phone-numbers`)).text();
  expect(JSON.parse(listed).items).toEqual([expect.objectContaining({ number: did, platform: true, account: { id: "platform", name: PROVIDER }, verifiedBy: "platform" })]);
  for (const secret of [carrierId, carrierName, `127.0.0.1:${carrier.port}`, CARRIER_USER]) expect(listed).not.toContain(secret);
  expect((await tenant.get(`/api/v1/spaces/${owner.spaceId}/sip-accounts/${carrierId}`)).status()).toBe(404);
  expect((await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/sip-accounts`)).json()).items).toEqual([]);

  // Inbound from the carrier through the SIP edge: the Space's agent answers with its greeting.
  const inbound = await placeCall({ sipPort: stackSipPort(), called: did, caller: "+15550100888", holdMs: 6000 });
  expect(inbound.exitCode, inbound.output).toBe(0);
  expect(inbound.answerMs).not.toBeNull();
  const answered = await finishedCall(tenant, owner.spaceId, (items) => items[0]?.id);
  expect(answered.status).toBe("completed");
  expect(answered.answeredAt).not.toBeNull();
  // The worker reported the answer: it took the job the number's dispatch rule gave it, with
  // the Space's id, and loaded the Space's agent through the console's internal API.
  expect(answered.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["status:in_progress", "status:completed"]));
  const inboundView = await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/calls/${answered.id}`)).text();
  expect(JSON.parse(inboundView)).toMatchObject({ direction: "inbound", to: did, agent: { id: agentId }, account: { id: "platform", name: PROVIDER } });
  expect(inboundView).not.toContain(carrierId);
  await owner.page.goto(`/s/${owner.spaceId}/calls`);
  await expect(owner.page.getByTestId("call-row")).toHaveCount(1);
  for (const text of ["Inbound", "+15550100888", did, "Bakery desk", "Completed"]) await expect(owner.page.getByTestId("call-row")).toContainText(text);
  await owner.page.getByTestId("call-row").getByRole("link", { name: "Inbound" }).click();
  await expect(owner.page.getByRole("list", { name: "Timeline" }).getByText("Answered (reported by the agent worker)")).toBeVisible();

  // Outbound from it: it leaves through the carrier's trunk, which answers the digest challenge.
  const placed = await postIdempotent(tenant, `/api/v1/spaces/${owner.spaceId}/calls`, { from: did, to: "+15550100600" });
  expect(placed.status(), await placed.text()).toBe(201);
  const outboundId = (await placed.json()).id as string;
  const outbound = await finishedCall(tenant, owner.spaceId, () => outboundId);
  const sipp = await carrier.done;
  expect(outbound, sipp.output).toMatchObject({ status: "completed", sipStatusCode: 200 });
  expect(sipp.messages).toContain("SIP/2.0 401 Unauthorized");
  expect(sipp.messages).toMatch(new RegExp(`Authorization: Digest [^\\r\\n]*username="${CARRIER_USER}"`));
  expect(sipp.exitCode, sipp.output).toBe(0);

  // Suspended: the number's INVITE is refused at the edge and a queued call is not placed.
  const queued = await postIdempotent(tenant, `/api/v1/spaces/${owner.spaceId}/calls`, { from: did, to: "+15550100601", scheduledAt: new Date(Date.now() + 15_000).toISOString() });
  expect(queued.status(), await queued.text()).toBe(201);
  const queuedId = (await queued.json()).id as string;
  const suspend = await admin.request.post(`/api/admin/spaces/${owner.spaceId}/suspend`, { data: {} });
  expect(suspend.status(), await suspend.text()).toBe(200);
  const refused = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [did, "+15550100889"], localIp: "127.0.0.1", timeoutSeconds: 15 });
  expect(refused.statusLines.at(-1), refused.output).toBe("SIP/2.0 403 Space Suspended");
  await expect
    .poll(async () => (await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/refused-calls`)).json()).items, { timeout: 15_000 })
    // The Space sees the carrier by its label only: not its account, not its address.
    .toEqual([expect.objectContaining({ cause: "space_suspended", matchedNumber: did, sipStatusCode: 403, sipAccountId: "platform", accountName: "E2E Carrier", sourceAddress: "E2E Carrier", fix: expect.objectContaining({ kind: "ask_administrator" }) })]);
  await expect
    .poll(async () => (await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/calls/${queuedId}`)).json()) as { status: string; failureReason: string | null }, { timeout: 45_000 })
    .toMatchObject({ status: "failed", failureReason: "Not placed: the Space was suspended by the deployment's administrator." });
  expect((await admin.request.post(`/api/admin/spaces/${owner.spaceId}/resume`, { data: {} })).status()).toBe(200);

  // Unassign: back in the pool; the Space no longer has it and its dispatch rule is the pool's.
  await admin.reload();
  const assignedRow = admin.getByTestId("platform-number-row").filter({ hasText: did });
  await assignedRow.getByRole("button", { name: `Unassign ${did}` }).click();
  await expect(assignedRow).toContainText("Pool");
  expect((await (await tenant.get(`/api/v1/spaces/${owner.spaceId}/phone-numbers`)).json()).items).toEqual([]);
  const afterCall = await postIdempotent(tenant, `/api/v1/spaces/${owner.spaceId}/calls`, { from: did, to: "+15550100602" });
  expect(afterCall.status()).toBe(422);
  const [rule] = (await dispatchRulesOf(carrierId)).filter((r) => r.name === did);
  expect(JSON.parse(rule!.roomConfig!.agents[0]!.metadata)).toMatchObject({ spaceId: platform.spaceId, inboundAgentId: null, number: did });
  await owner.page.reload();
  await expect(numberRow(owner.page, did)).toHaveCount(0);
});
