import { afterEach, describe, expect, it } from "vitest";
import { startPbx } from "@/e2e/sipp/pbx-uas";
import { db } from "@/lib/db/client";
import { cancelCall } from "@/lib/calls/cancel-call";
import { FINAL, callRow, callSpace, dispatcherEnv, until } from "./test/call-fixtures";
import { startDispatcher, type DispatcherHandle } from "./test/dispatcher-process";

// The dispatcher process against the real PostgreSQL, livekit-server and livekit-sip, with
// sipp as the customer's PBX. No web app runs in this tier, so LiveKit's webhooks land
// nowhere: answered calls end through reconciliation (the fallback this proves too).

const running: DispatcherHandle[] = [];
async function dispatcher(env: Record<string, string> = {}) {
  const d = await startDispatcher({ ...dispatcherEnv(), ...env });
  running.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop()));
  // A test cut short must not leave calls for the next test's dispatcher to dial.
  await db().call.updateMany({ where: { status: { in: ["queued", "dialing", "ringing", "in_progress"] } }, data: { status: "failed", failureReason: "Left over by an earlier test." } });
});

const statusEvents = (events: { kind: string }[]) => events.filter((e) => e.kind.startsWith("status:")).map((e) => e.kind.slice(7));

describe("the dispatcher", () => {
  it("places 200 calls queued at once exactly once with two dispatchers", async () => {
    const pbx = await startPbx({ kind: "busy" }, { calls: 200, timeoutSeconds: 240 });
    const space = await callSpace(pbx.port);
    const ids: string[] = [];
    // Queued before any dispatcher runs, as after a restart: they race for every one.
    for (let i = 0; i < 200; i += 20) ids.push(...(await Promise.all(Array.from({ length: 20 }, () => space.place()))));
    const a = await dispatcher();
    const b = await dispatcher();
    const rows = await until(
      () => db().call.findMany({ where: { id: { in: ids } }, include: { events: true } }),
      (rs) => rs.every((r) => FINAL.includes(r.status)),
      200_000,
      "200 calls to end",
    );
    const result = await pbx.done;
    expect(result.invites, result.output).toBe(200);
    // Under this load LiveKit now and then answers a 486 with a bare twirp "canceled" and no
    // code: with no web app in this tier, the leave webhook that carries "busy" lands nowhere,
    // so such a call ends failed saying its code was lost (the e2e twin, with webhooks, sees
    // every one busy). Never more than a few, and never dialled twice.
    const lost = "The call ended before it was answered; its SIP code was lost while the dispatcher restarted.";
    for (const r of rows) {
      const outcome = { id: r.id, status: r.status, code: r.sipStatusCode };
      if (r.status === "failed") expect({ ...outcome, reason: r.failureReason }).toEqual({ id: r.id, status: "failed", code: null, reason: lost });
      else expect(outcome).toEqual({ id: r.id, status: "busy", code: 486 });
      // Exactly one dial per call, whichever dispatcher took it (503 busy retries never dial).
      expect(r.events.filter((e) => e.kind === "status:dialing")).toHaveLength(1);
    }
    expect(rows.filter((r) => r.status === "failed").length).toBeLessThanOrEqual(4);
    expect(a.log() + b.log()).not.toMatch(/dial crashed/);
  }, 300_000);

  it("keeps calls over the account's channels queued with the reason, never failed, and counts inbound calls", async () => {
    const pbx = await startPbx({ kind: "answer", holdMs: 2500 }, { calls: 4, timeoutSeconds: 120 });
    const space = await callSpace(pbx.port, { maxConcurrentCalls: 2 });
    // An inbound call up on the account holds one of its two channels (leased: reconciliation leaves it be).
    const inbound = await db().call.create({
      data: { spaceId: space.ctx.spaceId, direction: "inbound", fromNumber: "+15550000001", toNumber: space.from, sipAccountId: space.accountId, status: "in_progress", answeredAt: new Date(), leaseUntil: new Date(Date.now() + 600_000) },
    });
    const ids = [await space.place(), await space.place(), await space.place(), await space.place()];
    await dispatcher();
    let most = 0;
    const sample = setInterval(() => {
      void db().call.count({ where: { sipAccountId: space.accountId, status: { in: ["dialing", "ringing", "in_progress"] } } }).then((n) => (most = Math.max(most, n)));
    }, 100);
    try {
      // With the inbound call up, one outbound call at a time; the others wait, saying why.
      // Which call the dispatcher claims first is not fixed (claims run concurrently), so any.
      const waiting = await until(() => db().call.findMany({ where: { id: { in: ids }, waitReason: { not: null } } }), (rs) => rs.length > 0, 20_000, "a call to wait for a channel");
      expect(waiting[0]!.waitReason).toBe("Waiting for a free channel: the account's 2 channels are all in use.");
      await until(() => db().call.count({ where: { id: { in: ids }, status: "completed" } }), (n) => n >= 1, 60_000, "the first call to complete");
      await db().call.update({ where: { id: inbound.id }, data: { status: "completed", endedAt: new Date() } });
      const rows = await until(() => db().call.findMany({ where: { id: { in: ids } }, include: { events: true } }), (rs) => rs.every((r) => FINAL.includes(r.status)), 90_000, "all calls to end");
      expect(rows.map((r) => r.status)).toEqual(["completed", "completed", "completed", "completed"]);
      expect(rows.filter((r) => r.events.some((e) => e.kind === "waiting")).length).toBeGreaterThanOrEqual(2);
    } finally {
      clearInterval(sample);
    }
    expect(most).toBeLessThanOrEqual(2);
    expect((await pbx.done).invites).toBe(4);
  }, 180_000);

  it("spaces calls by the account's calls per second", async () => {
    const pbx = await startPbx({ kind: "busy" }, { calls: 6, timeoutSeconds: 60 });
    const space = await callSpace(pbx.port, { callsPerSecond: 2 });
    const ids = await Promise.all(Array.from({ length: 6 }, () => space.place()));
    await dispatcher();
    const rows = await until(() => db().call.findMany({ where: { id: { in: ids } } }), (rs) => rs.every((r) => FINAL.includes(r.status)), 60_000, "6 calls to end");
    const starts = rows.map((r) => r.startedAt!.getTime()).sort((x, y) => x - y);
    // No three starts inside one second: 2 per second at most.
    for (let i = 2; i < starts.length; i++) expect(starts[i]! - starts[i - 2]!).toBeGreaterThanOrEqual(1000);
    expect((await pbx.done).invites).toBe(6);
  }, 90_000);

  it("shows ringing, then no answer with the SIP code when the callee never picks up", async () => {
    const pbx = await startPbx({ kind: "ring-no-answer" }, { timeoutSeconds: 60 });
    const space = await callSpace(pbx.port);
    const id = await space.place();
    await dispatcher({ CALL_RINGING_TIMEOUT_SECONDS: "6" });
    await until(() => callRow(id), (r) => r.status === "ringing", 15_000, "ringing");
    const done = await until(() => callRow(id), (r) => FINAL.includes(r.status), 30_000, "the call to end");
    expect(done).toMatchObject({ status: "no_answer", failureReason: "The destination did not answer." });
    expect([408, 487]).toContain(done.sipStatusCode);
    expect(statusEvents(done.events)).toEqual(["queued", "dialing", "ringing", "no_answer"]);
    expect((await pbx.done).invites).toBe(1);
  }, 90_000);

  it("a dispatcher killed while the call rings: another one finishes it, answered, with its duration, dialled once", async () => {
    const pbx = await startPbx({ kind: "answer", ringMs: 5000, holdMs: 4000 }, { timeoutSeconds: 60 });
    const space = await callSpace(pbx.port);
    const id = await space.place();
    const first = await dispatcher();
    await until(() => callRow(id), (r) => r.status === "ringing", 15_000, "ringing");
    await first.kill9();
    await dispatcher();
    const done = await until(() => callRow(id), (r) => FINAL.includes(r.status), 40_000, "the call to end");
    expect(done, first.log()).toMatchObject({ status: "completed", sipStatusCode: 200 });
    expect(done.durationMs).toBeGreaterThan(2000);
    expect(done.durationMs).toBeLessThan(9000);
    expect((await pbx.done).invites).toBe(1);
  }, 90_000);

  it("a dispatcher killed while the call is up: the call still completes with its duration, dialled once", async () => {
    const pbx = await startPbx({ kind: "answer", holdMs: 6000 }, { timeoutSeconds: 60 });
    const space = await callSpace(pbx.port);
    const id = await space.place();
    const first = await dispatcher();
    await until(() => callRow(id), (r) => r.status === "in_progress", 15_000, "the answer");
    await first.kill9();
    await dispatcher();
    const done = await until(() => callRow(id), (r) => FINAL.includes(r.status), 30_000, "the call to end");
    expect(done).toMatchObject({ status: "completed", sipStatusCode: 200 });
    // Ended by reconciliation (no webhook in this tier): within its interval and grace.
    expect(done.durationMs).toBeGreaterThanOrEqual(5500);
    expect(done.durationMs).toBeLessThan(10_500);
    expect((await pbx.done).invites).toBe(1);
  }, 90_000);

  it("retries a busy callee by the call's policy, every attempt on the timeline", async () => {
    const pbx = await startPbx({ kind: "busy" }, { calls: 2, timeoutSeconds: 60 });
    const space = await callSpace(pbx.port);
    const id = await space.place(undefined, { retry: { maxAttempts: 2, delaySeconds: 10, on: ["busy"] } });
    await dispatcher();
    const done = await until(() => callRow(id), (r) => FINAL.includes(r.status), 45_000, "both attempts");
    expect(done).toMatchObject({ status: "busy", sipStatusCode: 486, attempts: 2 });
    expect(statusEvents(done.events)).toEqual(["queued", "dialing", "queued", "dialing", "busy"]);
    expect(done.events.find((e) => e.kind === "status:queued" && e.detail?.startsWith("Attempt 1"))?.detail).toContain("Dialling again in 10 s");
    expect((await pbx.done).invites).toBe(2);
  }, 60_000);

  it("waits for a scheduled time, and a cancelled call is never dialled", async () => {
    const pbx = await startPbx({ kind: "busy" }, { calls: 1, timeoutSeconds: 40 });
    const space = await callSpace(pbx.port);
    const at = new Date(Date.now() + 4000);
    const scheduled = await space.place(undefined, { scheduledAt: at });
    const cancelled = await space.place(undefined, { scheduledAt: new Date(Date.now() + 3000) });
    await dispatcher();
    expect((await cancelCall(space.ctx, cancelled)).status).toBe("cancelled");
    const done = await until(() => callRow(scheduled), (r) => FINAL.includes(r.status), 30_000, "the scheduled call");
    expect(done.startedAt!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    await new Promise((r) => setTimeout(r, 2000));
    expect((await callRow(cancelled)).status).toBe("cancelled");
    expect((await pbx.done).invites).toBe(1);
    await expect(cancelCall(space.ctx, scheduled)).rejects.toThrow("Only a queued call can be cancelled; this one is busy.");
  }, 60_000);
});
