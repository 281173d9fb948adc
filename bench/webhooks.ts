// Benchmark of webhook delivery against the real PostgreSQL and a real dispatcher process
// (prints figures, never fails on time). Run it through its wrapper, which starts an isolated
// stack:
//
//   bash bench/run.sh bench/webhooks.ts
//
// 10,000 events (BENCH_EVENTS) of 2,000 calls, five events each in order, are emitted as the
// console emits them (emitWebhookEvent in transactions) and delivered by one dispatcher to a
// local HTTP receiver that verifies every signature. Measured: deliveries per second draining
// a backlog of committed events, the time from an event's commit to its arrival (p50 / p95)
// while events are emitted live, and a backlog with the receiver failing half the requests
// (500), retried every second. The floor, in the same run: the
// same number of signed POSTs sent straight to the receiver, 16 at a time (the dispatcher's
// queue concurrency), with no queue and no database. Bounded: each phase at most
// BENCH_PHASE_SECONDS (default 300).

import { randomUUID } from "node:crypto";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/webhook-receiver";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { startDispatcher } from "@/dispatcher/test/dispatcher-process";
import { db } from "@/lib/db/client";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { sendWebhook } from "@/lib/webhooks/send";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const PER_CALL = 5;
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 300);
const CONCURRENCY = 16;
const types = ["call.queued", "call.ringing", "call.answered", "call.completed", "call.completed"] as const;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
};

async function untilReceived(r: WebhookReceiver, n: number) {
  const deadline = Date.now() + PHASE_SECONDS * 1000;
  while (new Set(r.received.map((e) => e.id)).size < n && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
}

async function floor(): Promise<{ perSecond: number }> {
  const r = await startWebhookReceiver();
  r.secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        const i = next++;
        const body = JSON.stringify({ type: "call.completed", timestamp: new Date().toISOString(), data: { callId: `c${i}` } });
        await sendWebhook(r.url, r.secret!, `msg_floor_${i}`, body, { mode: "local", timeoutMs: 10_000 });
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await r.close();
  return { perSecond: r.received.length / seconds };
}

type Phase = { failHalf: boolean; backlog: boolean };

/** Emits every call's events in order (one transaction per event, as calls emit them); returns events per second. */
async function emitAll(spaceId: string, calls: string[], writers: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < calls.length) {
        const callId = calls[next++]!;
        for (const type of types) await db().$transaction((tx) => emitWebhookEvent(tx, { spaceId, type, orderingKey: `call:${callId}`, data: { callId } }));
      }
    }),
  );
  return (calls.length * types.length) / ((performance.now() - t0) / 1000);
}

async function throughQueue({ failHalf, backlog }: Phase) {
  const r = await startWebhookReceiver();
  const ctx = await ownerSpace("Bench");
  const { secret } = await createWebhookEndpoint(ctx, { url: r.url, description: "bench", events: [], enabled: true });
  r.secret = secret;
  let flip: NodeJS.Timeout | undefined;
  // Half the requests answered 500 at random: the receiver's own flag, flipped every millisecond.
  if (failHalf) flip = setInterval(() => (r.failing = Math.random() < 0.5), 1);
  const startQueue = () =>
    startDispatcher({
      DATABASE_URL: process.env.DATABASE_URL,
      LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "",
      CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS,
      DISPATCHER_CONCURRENCY: String(CONCURRENCY),
      WEBHOOK_RETRY_SCHEDULE_SECONDS: Array.from({ length: 30 }, () => "1").join(","),
    });
  // The live phase is a fifth of the events: its pace is the writers', not the queue's.
  const events = backlog ? EVENTS : EVENTS / 5;
  const calls = Array.from({ length: events / PER_CALL }, () => `bench-${randomUUID()}`);
  // Backlog: every event is committed first, then one dispatcher drains them (delivery alone).
  // Live: the dispatcher runs while ten writers emit (event → delivery latency as calls see it).
  let dispatcher = backlog ? null : await startQueue();
  const emitPerSecond = await emitAll(ctx.spaceId, calls, 10);
  const t0 = performance.now();
  dispatcher ??= await startQueue();
  await untilReceived(r, events);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(flip);
  const messages = await db().webhookMessage.findMany({ where: { spaceId: ctx.spaceId }, select: { id: true, seq: true, createdAt: true } });
  const createdAt = new Map(messages.map((m) => [m.id, m.createdAt.getTime()]));
  const seq = new Map(messages.map((m) => [m.id, m.seq]));
  const firstArrival = new Map<string, number>();
  for (const e of r.received) if (!firstArrival.has(e.id)) firstArrival.set(e.id, e.at);
  const latencies = [...firstArrival].map(([id, at]) => at - createdAt.get(id)!);
  const byCall = new Map<string, bigint[]>();
  for (const e of r.received) byCall.set(String(e.data.callId), [...(byCall.get(String(e.data.callId)) ?? []), seq.get(e.id)!]);
  const outOfOrder = [...byCall.values()].filter((s) => s.some((v, i) => i > 0 && v < s[i - 1]!)).length;
  await dispatcher.stop();
  await r.close();
  return {
    delivered: firstArrival.size,
    perSecond: firstArrival.size / (backlog ? seconds : seconds + events / emitPerSecond),
    emitPerSecond,
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    attempts: r.attempts.length,
    duplicates: r.received.length - firstArrival.size,
    outOfOrder,
    unverified: r.received.filter((e) => !e.verified).length,
  };
}

console.log(`Webhooks benchmark: ${EVENTS} events of ${EVENTS / PER_CALL} calls (${PER_CALL} each, in order), one dispatcher, ${CONCURRENCY} jobs at once.\n`);
const base = await floor();
console.log(`Floor: signed POSTs straight to the receiver, ${CONCURRENCY} at a time: ${base.perSecond.toFixed(0)} / s\n`);
console.log("| phase | delivered | deliveries / s | ratio to floor | emitted / s | event → delivery p50 / p95 | attempts | duplicates | out of order | bad signatures |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const phases: [string, Phase][] = [
  [`backlog of ${EVENTS} drained, receiver answering 200`, { failHalf: false, backlog: true }],
  [`live: ${EVENTS / 5} emitted while delivering, receiver answering 200`, { failHalf: false, backlog: false }],
  ["backlog drained, receiver failing half the requests (500), retried after 1 s", { failHalf: true, backlog: true }],
];
for (const [name, phase] of phases) {
  const f = await throughQueue(phase);
  const latency = phase.backlog ? "— (backlog)" : `${f.p50.toFixed(0)} / ${f.p95.toFixed(0)} ms`;
  console.log(`| ${name} | ${f.delivered} | ${f.perSecond.toFixed(0)} | ${(f.perSecond / base.perSecond).toFixed(2)} | ${f.emitPerSecond.toFixed(0)} | ${latency} | ${f.attempts} | ${f.duplicates} | ${f.outOfOrder} | ${f.unverified} |`);
}
await db().$disconnect();
