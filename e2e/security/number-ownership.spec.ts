import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createDbClient } from "../../lib/db/create-client";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import assertLocalDatabase from "../assert-local-database";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, numberRow, randomNumber } from "../phone-numbers";
import { startWebhookReceiver, waitFor } from "../webhook-receiver";

// Number ownership (README: Number ownership) from the outside: sipp plays each Space's PBX
// from a loopback address of its own and sends INVITEs to the SIP edge. A call that reached
// LiveKit is recognised by its CANCEL (487 only comes from a trunk that took the call; no
// agent worker runs in this project). The 72 hours are made to have passed by moving the
// first binding's creation time back in the test database.

type NumberBody = { id: string; number: string; verified: boolean; verifiedAt: string | null; verifiedBy: string | null };

/** A loopback address no other test's account lists, so the PBX is this test's. */
const pbxAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function ipTrustAccount(request: APIRequestContext, spaceId: string, address: string): Promise<string> {
  const response = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: `Owner PBX ${randomInt(1e6)}`, destinationCountry: "US", allowedInboundIps: [address] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

async function numbersOf(request: APIRequestContext, spaceId: string): Promise<NumberBody[]> {
  return (await (await request.get(`/api/v1/spaces/${spaceId}/phone-numbers`)).json()).items;
}

/** A call for `number` from the PBX at `address` that reaches LiveKit (rings, then is cancelled). */
async function callFromPbx(number: string, address: string) {
  const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100140"], localIp: address, pauseMs: 500 });
  expect(call.exitCode, call.output).toBe(0);
}

async function backdate(numberId: string, hours: number) {
  assertLocalDatabase();
  const db = createDbClient(process.env.DATABASE_URL!, { maxConnections: 1 });
  try {
    await db.phoneNumber.update({ where: { id: numberId }, data: { createdAt: new Date(Date.now() - hours * 3600_000) } });
  } finally {
    await db.$disconnect();
  }
}

async function space(page: Page, label: string) {
  const spaceId = await signUp(page, newUser(label));
  const address = pbxAddress();
  return { spaceId, address, accountId: await ipTrustAccount(page.request, spaceId, address) };
}

test("an inbound call through the account verifies the number (REST and the list); then another Space's bind is 409 saying it is verified", async ({ page, browser }) => {
  const a = await space(page, "own-verify");
  const number = randomNumber();
  const bound = (await bindViaApi(page.request, a.spaceId, a.accountId, number)) as unknown as NumberBody;
  expect(bound).toMatchObject({ verified: false, verifiedAt: null, verifiedBy: null });

  await page.goto(`/s/${a.spaceId}/phone-numbers`);
  const ownership = numberRow(page, number).getByTestId("number-ownership");
  await expect(ownership).toContainText("Unverified");
  await expect(ownership).toContainText("make one inbound call to the number through this account");

  await callFromPbx(number, a.address);
  await expect.poll(async () => (await numbersOf(page.request, a.spaceId)).find((n) => n.number === number)?.verifiedBy, { timeout: 15_000 }).toBe("inbound_call");
  const verified = (await (await page.request.get(`/api/v1/spaces/${a.spaceId}/phone-numbers/${bound.id}`)).json()) as NumberBody;
  expect(verified.verified).toBe(true);
  expect(Date.parse(verified.verifiedAt!)).toBeGreaterThan(Date.now() - 60_000);
  await page.reload();
  await expect(ownership).toHaveText("Verified");

  // However old, a verified binding is never claimed.
  await backdate(bound.id, 500);
  const pageB = await (await browser.newContext()).newPage();
  const b = await space(pageB, "own-verify-b");
  const refused = await pageB.request.post(`/api/v1/spaces/${b.spaceId}/phone-numbers`, { data: { accountId: b.accountId, number } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).errors).toEqual([{ path: "number", message: "This number is bound to another Custom SIP account (possibly in another Space) that has verified it: it cannot be claimed." }]);
});

test("a still-young unverified binding answers another Space's bind with 409 saying when it can be claimed", async ({ page, browser }) => {
  const a = await space(page, "own-young");
  const number = randomNumber();
  await bindViaApi(page.request, a.spaceId, a.accountId, number);

  const pageB = await (await browser.newContext()).newPage();
  const b = await space(pageB, "own-young-b");
  const refused = await pageB.request.post(`/api/v1/spaces/${b.spaceId}/phone-numbers`, { data: { accountId: b.accountId, number } });
  expect(refused.status()).toBe(409);
  const body = await refused.json();
  expect(body.errors).toEqual([{ path: "number", message: expect.stringContaining("unverified, to another Custom SIP account (possibly in another Space) since less than 72 hours") }]);
  expect(body.detail).toMatch(/From \d{4}-\d\d-\d\d \d\d:00 UTC it can be claimed if that binding is still unverified\.$/);
  // Nothing was recorded: A still has it, B has nothing.
  expect((await numbersOf(pageB.request, b.spaceId)).map((n) => n.number)).toEqual([]);
  expect((await numbersOf(page.request, a.spaceId)).map((n) => n.number)).toEqual([number]);
});

test("after 72 hours unverified, another Space's claim is proven by an INVITE from its PBX: the number is theirs, verified, and the first Space is told", async ({ page, browser }) => {
  const a = await space(page, "own-holder");
  const receiver = await startWebhookReceiver();
  try {
    const hook = await page.request.post(`/api/v1/spaces/${a.spaceId}/webhooks`, { data: { url: receiver.url, events: ["phone_number.unbound"] } });
    expect(hook.status(), await hook.text()).toBe(201);
    receiver.secret = (await hook.json()).secret;
    const number = randomNumber();
    const held = await bindViaApi(page.request, a.spaceId, a.accountId, number);
    await backdate(held.id, 73);

    const pageB = await (await browser.newContext()).newPage();
    const b = await space(pageB, "own-claimer");
    const claimed = await pageB.request.post(`/api/v1/spaces/${b.spaceId}/phone-numbers`, { data: { accountId: b.accountId, number } });
    expect(claimed.status(), await claimed.text()).toBe(202);
    expect(await claimed.json()).toMatchObject({ claim: { number, accountId: b.accountId, status: "pending", message: expect.stringContaining(`call ${number} once from your PBX`) } });
    // Pending: nothing changed hands yet.
    expect((await numbersOf(pageB.request, b.spaceId)).map((n) => n.number)).toEqual([]);
    expect((await numbersOf(page.request, a.spaceId)).map((n) => n.number)).toEqual([number]);

    // B's PBX calls the number: the INVITE proves the claim and is routed to B's trunk.
    await callFromPbx(number, b.address);
    expect(await numbersOf(page.request, a.spaceId)).toEqual([]);
    const [mine] = await numbersOf(pageB.request, b.spaceId);
    expect(mine).toMatchObject({ number, verified: true, verifiedBy: "claim_call" });
    await expect
      .poll(async () => ((await (await pageB.request.get(`/api/v1/spaces/${b.spaceId}/calls?direction=inbound`)).json()).items as { to: string }[]).map((c) => c.to), { timeout: 15_000 })
      .toEqual([number]);

    // A is told: on its Phone Numbers page and by webhook.
    await page.goto(`/s/${a.spaceId}/phone-numbers`);
    await expect(page.getByTestId("taken-over-notice")).toContainText(`${number} was unbound`);
    await expect(page.getByTestId("taken-over-notice")).toContainText("another Space's PBX proved it");
    await waitFor(() => receiver.received.some((e) => e.type === "phone_number.unbound"), 30_000, "phone_number.unbound");
    expect(receiver.received.find((e) => e.type === "phone_number.unbound")!.data).toMatchObject({ phoneNumberId: held.id, number, takenOver: true });

    // A's PBX no longer reaches the number (its calls are refused at the edge), and B's list shows it Verified.
    const fromA = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [number, "+15550100141"], localIp: a.address, timeoutSeconds: 15 });
    expect(fromA.statusLines.at(-1), fromA.output).toBe("SIP/2.0 403 Forbidden");
    await pageB.goto(`/s/${b.spaceId}/phone-numbers`);
    await expect(numberRow(pageB, number).getByTestId("number-ownership")).toHaveText("Verified");
  } finally {
    await receiver.close();
  }
});
