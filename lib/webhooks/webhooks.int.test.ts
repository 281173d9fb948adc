import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startPbx } from "@/e2e/sipp/pbx-uas";
import { startWebhookReceiver, waitFor, type WebhookReceiver } from "@/e2e/webhook-receiver";
import { callSpace, dispatcherEnv, ownerSpace } from "@/dispatcher/test/call-fixtures";
import { startDispatcher, type DispatcherHandle } from "@/dispatcher/test/dispatcher-process";
import { db } from "@/lib/db/client";
import { redeliverWebhook, sendTestWebhook } from "./deliveries";
import { emitWebhookEvent } from "./emit";
import { createWebhookEndpoint } from "./endpoints";

// Webhooks end to end below the web app: events emitted in transactions, sent by a real
// dispatcher process, received by a real HTTP receiver that verifies every signature with the
// Standard Webhooks library.

const running: DispatcherHandle[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await db().call.updateMany({ where: { status: { in: ["queued", "dialing", "ringing", "in_progress"] } }, data: { status: "failed", failureReason: "Left over by an earlier test." } });
});

async function webhookDispatcher(env: Record<string, string> = {}, withLiveKit = false) {
  const base = withLiveKit ? dispatcherEnv() : { DATABASE_URL: process.env.DATABASE_URL };
  const d = await startDispatcher({ ...base, LIVEKIT_URL: withLiveKit ? process.env.LIVEKIT_URL : "", LIVEKIT_API_KEY: withLiveKit ? process.env.LIVEKIT_API_KEY : "", LIVEKIT_API_SECRET: withLiveKit ? process.env.LIVEKIT_API_SECRET : "", CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS, ...env });
  running.push(d);
  return d;
}

async function receiver() {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

const callTypes = ["call.queued", "call.ringing", "call.answered", "call.completed"] as const;

describe("webhooks", () => {
  it("a receiver down for a while, then failing, later gets every event exactly once per webhook-id, in order per call; Redeliver sends the same id again", async () => {
    const r = await receiver();
    const ctx = await ownerSpace("Hooks");
    const { endpoint, secret } = await createWebhookEndpoint(ctx, { url: r.url, description: "", events: [], enabled: true });
    r.secret = secret;
    await webhookDispatcher({ WEBHOOK_RETRY_SCHEDULE_SECONDS: "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1" });

    await r.stop();
    // Five calls' lifecycles, interleaved as real calls are, one transaction per event.
    const calls = Array.from({ length: 5 }, (_, i) => `call-${i}-${randomUUID()}`);
    const emitted = new Map<string, string[]>();
    for (const type of callTypes) {
      for (const callId of calls) {
        const id = await db().$transaction((tx) => emitWebhookEvent(tx, { spaceId: ctx.spaceId, type, orderingKey: `call:${callId}`, data: { callId } }));
        emitted.set(callId, [...(emitted.get(callId) ?? []), id!]);
      }
    }
    // Down: the first events are tried, refused, and wait their retry; nothing overtakes them.
    await waitFor(async () => (await db().webhookDelivery.count({ where: { endpointId: endpoint.id, attempts: { gte: 2 } } })) >= 5, 30_000, "retries while the receiver is down");
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id, status: "delivered" } })).toBe(0);
    const failing = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(failing.failingSince).not.toBeNull();

    // Back, but answering 500 for a while: the same webhook-ids come again.
    r.failing = true;
    await r.start();
    await waitFor(() => r.attempts.length >= 5, 30_000, "attempts against the failing receiver");
    r.failing = false;
    await waitFor(() => r.received.length >= 20, 60_000, "every event after the outage");

    expect(r.received.every((e) => e.verified)).toBe(true);
    const ids = r.received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const callId of calls) {
      expect(r.received.filter((e) => e.data.callId === callId).map((e) => e.id)).toEqual(emitted.get(callId));
      expect(r.received.filter((e) => e.data.callId === callId).map((e) => e.type)).toEqual([...callTypes]);
    }
    // The ids refused with 500 are ids that later arrived: retries keep their webhook-id.
    expect(r.attempts.slice(0, 5).every((a) => ids.includes(a.id))).toBe(true);
    await waitFor(async () => (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince === null, 10_000, "the endpoint to count as healthy again");

    // Redeliver: the same event, the same id, once more.
    const first = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, messageId: emitted.get(calls[0]!)![0] } });
    await redeliverWebhook(ctx, endpoint.id, first.id);
    await waitFor(() => r.received.filter((e) => e.id === first.messageId).length === 2, 15_000, "the redelivered event");
    const again = await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.id } });
    expect(again).toMatchObject({ status: "delivered", lastStatusCode: 200 });
    expect(again.attempts).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it("an endpoint failing for longer than the limit is disabled with a notice, and stops being tried", async () => {
    const r = await receiver();
    r.failing = true;
    const ctx = await ownerSpace("Hooks");
    const { endpoint, secret } = await createWebhookEndpoint(ctx, { url: r.url, description: "", events: [], enabled: true });
    r.secret = secret;
    await webhookDispatcher({ WEBHOOK_RETRY_SCHEDULE_SECONDS: "1,1,1,1,1,1,1,1,1,1", WEBHOOK_DISABLE_AFTER_SECONDS: "60" });
    await sendTestWebhook(ctx, endpoint.id);
    await waitFor(() => r.attempts.length >= 1, 15_000, "the first attempt");
    // "Failing for days", compressed: the failing clock is moved back past the limit.
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 120_000) } });
    await waitFor(async () => !(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled, 15_000, "the endpoint to be disabled");
    const disabled = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.disabledReason).toMatch(/Disabled automatically: every delivery failed/);
    const tries = r.attempts.length;
    await new Promise((res) => setTimeout(res, 3000));
    expect(r.attempts.length).toBe(tries);
  }, 60_000);

  it("an outbound call's lifecycle sends its events with the SIP codes: answered then completed, and busy", async () => {
    const answer = await startPbx({ kind: "answer", holdMs: 1000 }, { calls: 1, timeoutSeconds: 60 });
    const busy = await startPbx({ kind: "busy" }, { calls: 1, timeoutSeconds: 60 });
    const r = await receiver();
    const answered = await callSpace(answer.port);
    const refused = await callSpace(busy.port);
    for (const space of [answered, refused]) {
      const made = await createWebhookEndpoint(space.ctx, { url: r.url, description: "", events: ["call.queued", "call.ringing", "call.answered", "call.completed", "call.failed"], enabled: true });
      r.secret = made.secret;
    }
    await webhookDispatcher({}, true);
    const okId = await answered.place();
    const busyId = await refused.place();
    await waitFor(() => r.received.some((e) => e.data.callId === okId && e.type === "call.completed") && r.received.some((e) => e.data.callId === busyId && e.type === "call.failed"), 60_000, "both calls' final events");

    const of = (id: string) => r.received.filter((e) => e.data.callId === id);
    expect(of(okId).map((e) => e.type).filter((t) => t !== "call.ringing")).toEqual(["call.queued", "call.answered", "call.completed"]);
    expect(of(okId).find((e) => e.type === "call.answered")!.data).toMatchObject({ direction: "outbound", status: "in_progress", sipStatusCode: 200 });
    const completed = of(okId).find((e) => e.type === "call.completed")!.data;
    expect(completed).toMatchObject({ status: "completed", sipStatusCode: 200 });
    expect(completed.durationMs as number).toBeGreaterThan(500);
    expect(of(busyId).map((e) => e.type).filter((t) => t !== "call.ringing")).toEqual(["call.queued", "call.failed"]);
    expect(of(busyId).at(-1)!.data).toMatchObject({ status: "busy", sipStatusCode: 486, reason: expect.stringMatching(/busy/) });
    await answer.done;
    await busy.done;
  }, 120_000);
});
