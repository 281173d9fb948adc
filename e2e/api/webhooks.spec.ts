import { expect, test } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { createKey, keyClient, newOwner } from "../api-access";
import { pbxAccountViaApi } from "../pbx-account";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";
import { startPbx } from "../sipp/pbx-uas";
import { startWebhookReceiver, waitFor, type Received } from "../webhook-receiver";

// Webhooks through the whole console with an API key only: endpoints over REST, events from
// real calls (sipp as the PBX, and as the caller for inbound), sent by the stack's dispatcher
// and verified by a real receiver with the Standard Webhooks library.

const hooks = (spaceId: string) => `/api/v1/spaces/${spaceId}/webhooks`;
const ofCall = (r: Received[], callId: string) => r.filter((e) => e.data.callId === callId);

test("events of accounts, numbers and calls reach a receiver signed, in order, with their SIP codes", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await newOwner(browser, "webhooks-api");
  const api = await keyClient((await createKey(owner.page.request, owner.spaceId, "ADMIN")).secret);
  const receiver = await startWebhookReceiver();
  try {
    const created = await api.post(hooks(owner.spaceId), { data: { url: receiver.url, description: "CRM" } });
    expect(created.status(), await created.text()).toBe(201);
    const { endpoint, secret } = await created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    receiver.secret = secret;
    // Shown once: no read returns it.
    const listed = await (await api.get(hooks(owner.spaceId))).text();
    expect(listed).toContain(endpoint.id);
    expect(listed).not.toContain(secret.slice(6));

    // Outbound: answered by the PBX (SIP 200), then busy (SIP 486).
    const answering = await startPbx({ kind: "answer", holdMs: 1500 }, { calls: 1, timeoutSeconds: 60 });
    const { accountId, from } = await pbxAccountViaApi(api, owner.spaceId, answering.port);
    const busy = await startPbx({ kind: "busy" }, { calls: 1, timeoutSeconds: 60 });
    const busyLine = await pbxAccountViaApi(api, owner.spaceId, busy.port);
    const place = async (fromNumber: string) => {
      const res = await api.post(`/api/v1/spaces/${owner.spaceId}/calls`, { data: { from: fromNumber, to: randomNumber() } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()).id as string;
    };
    const okCall = await place(from);
    const busyCall = await place(busyLine.from);

    // Inbound: a caller who hangs up while it rings.
    const inboundAccount = await createAccountViaApi(api, owner.spaceId, "Inbound only");
    const inboundNumber = randomNumber();
    const bound = await bindViaApi(api, owner.spaceId, inboundAccount, inboundNumber);
    const sipp = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [inboundNumber, "+15550100999"], pauseMs: 3000 });
    expect(sipp.exitCode).toBe(0);

    await waitFor(
      () =>
        ofCall(receiver.received, okCall).some((e) => e.type === "call.completed") &&
        ofCall(receiver.received, busyCall).some((e) => e.type === "call.failed") &&
        receiver.received.some((e) => e.type === "call.failed" && e.data.direction === "inbound"),
      90_000,
      "the calls' final events",
    );
    const r = receiver.received;
    expect(r.every((e) => e.verified)).toBe(true);
    expect(new Set(r.map((e) => e.id)).size).toBe(r.length);
    expect(r.filter((e) => e.type === "sip_account.provisioned").map((e) => e.data.sipAccountId)).toEqual(expect.arrayContaining([accountId, busyLine.accountId, inboundAccount]));
    expect(r.filter((e) => e.type === "phone_number.bound").map((e) => e.data.number)).toEqual(expect.arrayContaining([from, busyLine.from, inboundNumber]));

    expect(ofCall(r, okCall).map((e) => e.type).filter((t) => t !== "call.ringing")).toEqual(["call.queued", "call.answered", "call.completed"]);
    expect(ofCall(r, okCall).at(-1)!.data).toMatchObject({ direction: "outbound", status: "completed", sipStatusCode: 200, from });
    expect(ofCall(r, busyCall).at(-1)!.data).toMatchObject({ status: "busy", sipStatusCode: 486 });
    const inbound = r.filter((e) => e.data.direction === "inbound");
    expect(inbound.map((e) => e.type)).toEqual(["call.ringing", "call.failed"]);
    expect(inbound[1]!.data).toMatchObject({ to: inboundNumber, from: "+15550100999", status: "failed", reason: "The caller hung up before the call was answered." });
    // Payloads carry ids, never secrets.
    expect(JSON.stringify(r)).not.toMatch(/whsec_|password|twirp/i);

    // Unbinding announces it.
    expect((await api.delete(`/api/v1/spaces/${owner.spaceId}/phone-numbers/${bound.id}`)).status()).toBe(204);
    await waitFor(() => receiver.received.some((e) => e.type === "phone_number.unbound" && e.data.number === inboundNumber), 15_000, "phone_number.unbound");
    await answering.done;
    await busy.done;
  } finally {
    await receiver.close();
    await api.dispose();
  }
});

test("Send test event, the delivery log and Redeliver, over REST", async ({ browser }) => {
  test.setTimeout(60_000);
  const owner = await newOwner(browser, "webhooks-log");
  const api = await keyClient((await createKey(owner.page.request, owner.spaceId, "ADMIN")).secret);
  const receiver = await startWebhookReceiver();
  try {
    const { endpoint, secret } = await (await api.post(hooks(owner.spaceId), { data: { url: receiver.url, events: ["call.completed"] } })).json();
    receiver.secret = secret;
    const sent = await api.post(`${hooks(owner.spaceId)}/${endpoint.id}/test`);
    expect(sent.status()).toBe(202);
    const delivery = await sent.json();
    const log = async () => (await (await api.get(`${hooks(owner.spaceId)}/${endpoint.id}/deliveries`)).json()).items as { id: string; status: string; statusCode: number; attempts: number; latencyMs: number; response: string; event: string }[];
    await expect.poll(async () => (await log())[0]?.status, { timeout: 15_000 }).toBe("delivered");
    expect((await log())[0]).toMatchObject({ id: delivery.id, event: "webhook.test", statusCode: 200, attempts: 1, response: "ok" });
    expect(receiver.received).toEqual([expect.objectContaining({ id: delivery.messageId, type: "webhook.test", verified: true })]);

    const again = await api.post(`${hooks(owner.spaceId)}/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
    expect(again.status()).toBe(202);
    await expect.poll(async () => (await log())[0]?.attempts, { timeout: 15_000 }).toBe(2);
    expect(receiver.received.map((e) => e.id)).toEqual([delivery.messageId, delivery.messageId]);

    // Rotate secret: a new secret in the answer only; the next event is signed with it alone.
    const rotated = await api.post(`${hooks(owner.spaceId)}/${endpoint.id}/rotate-secret`);
    expect(rotated.status()).toBe(200);
    const { secret: next } = await rotated.json();
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    const test2 = await (await api.post(`${hooks(owner.spaceId)}/${endpoint.id}/test`)).json();
    await waitFor(() => receiver.received.some((e) => e.id === test2.messageId), 15_000, "the event after rotation");
    expect(receiver.received.find((e) => e.id === test2.messageId)!.verified).toBe(false);
    receiver.secret = next;
    const test3 = await (await api.post(`${hooks(owner.spaceId)}/${endpoint.id}/test`)).json();
    await waitFor(() => receiver.received.some((e) => e.id === test3.messageId), 15_000, "the event signed with the new secret");
    expect(receiver.received.find((e) => e.id === test3.messageId)!.verified).toBe(true);

    // Bad input names its field; a member key may read but not change.
    const bad = await api.post(hooks(owner.spaceId), { data: { url: "ftp://example.com/x", events: ["call.exploded"] } });
    expect(bad.status()).toBe(422);
    expect(JSON.stringify((await bad.json()).errors.map((e: { path: string }) => e.path).sort())).toBe(JSON.stringify(["events.0", "url"]));
    const member = await keyClient((await createKey(owner.page.request, owner.spaceId, "MEMBER")).secret);
    expect((await member.get(hooks(owner.spaceId))).status()).toBe(200);
    expect((await member.post(`${hooks(owner.spaceId)}/${endpoint.id}/test`)).status()).toBe(403);
    await member.dispose();
  } finally {
    await receiver.close();
    await api.dispose();
  }
});
