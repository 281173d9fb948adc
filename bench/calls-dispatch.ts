// Benchmark of the calls engine against the real stack (prints figures, never fails on
// time). Run it through its wrapper, which starts an isolated stack:
//
//   bash bench/run.sh bench/calls-dispatch.ts
//
// sipp plays the customer's PBX: it answers every INVITE and hangs up after 1 s. For each
// phase, calls are queued through the console's own service (placeCall, as REST and the
// console do) and the time from a call's row to its INVITE on the PBX's wire is read from
// sipp's message trace. LiveKit's floor is measured in the same run three ways: a plain loop
// of raw createSipParticipant calls (one at a time: the floor), as many at once as
// one dispatcher starts, and a loop doing what each call needs of LiveKit (its room created
// with the agent dispatched, then the SIP participant). Bounded: BENCH_CALLS calls a phase
// (default 500), each phase at most BENCH_PHASE_SECONDS (default 240).

import { randomInt } from "node:crypto";
import { RoomAgentDispatch } from "@livekit/protocol";
import { RoomServiceClient, SipClient } from "livekit-server-sdk";
import { db } from "@/lib/db/client";
import { startPbx, type Pbx } from "@/e2e/sipp/pbx-uas";
import { callSpace, dispatcherEnv, FINAL } from "@/dispatcher/test/call-fixtures";
import { startDispatcher, type DispatcherHandle } from "@/dispatcher/test/dispatcher-process";
import { stackLiveKit } from "../scripts/stack/stack-env";
import { cpuPerCall, sampleCpu } from "./process-cpu";

const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 240);
const STARTS = Number(process.env.DISPATCHER_DIAL_STARTS ?? 6);
const liveKit = stackLiveKit();
const sip = new SipClient(liveKit.url, liveKit.apiKey, liveKit.apiSecret, { requestTimeout: 60 });
const rooms = new RoomServiceClient(liveKit.url, liveKit.apiKey, liveKit.apiSecret, { requestTimeout: 60 });

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};

/** INVITE arrival times on the PBX, by the called number (sipp's trace dates every message). */
function inviteTimes(trace: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const block of trace.split(/\n(?=-{10,})/)) {
    const stamp = /^-{10,}\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2}\.\d+)/.exec(block);
    const invite = /^INVITE sip:(\+?\d+)@/m.exec(block);
    if (!stamp || !invite || out.has(invite[1]!)) continue;
    out.set(invite[1]!, Date.parse(`${stamp[1]}T${stamp[2]!.slice(0, 12)}Z`));
  }
  return out;
}

function destinations(n: number): string[] {
  const base = randomInt(1_000_000, 8_000_000);
  return Array.from({ length: n }, (_, i) => `+1555${base + i}`);
}

type Figures = { placed: number; perSecond: number; p50: number | null; p95: number | null; cpu: string };

function report(name: string, f: Figures) {
  const lat = f.p50 === null ? "—" : `${f.p50.toFixed(0)} / ${f.p95!.toFixed(0)} ms`;
  console.log(`| ${name} | ${f.placed} | ${f.perSecond.toFixed(1)} | ${lat} | ${f.cpu} |`);
}

/**
 * LiveKit alone: `parallel` raw createSipParticipant calls at a time (1: the plain loop).
 * `withRoom`: each call's room is created first with the agent dispatched, as the dispatcher
 * does (lib/livekit/calls.ts); no worker runs here, so LiveKit only dispatches.
 */
async function floor(parallel: number, withRoom = false): Promise<Figures> {
  const pbx = await startPbx({ kind: "answer", holdMs: 1000 }, { calls: CALLS, timeoutSeconds: PHASE_SECONDS });
  const space = await callSpace(pbx.port);
  const trunk = (await db().sipAccount.findUniqueOrThrow({ where: { id: space.accountId } })).outboundTrunkId!;
  const tos = destinations(CALLS);
  let next = 0;
  const cpu0 = sampleCpu();
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < tos.length) {
        const to = tos[next++]!;
        if (withRoom) {
          await rooms
            .createRoom({ name: `floor-${to}`, emptyTimeout: 30, departureTimeout: 5, agents: [new RoomAgentDispatch({ agentName: "switchboard-agent", metadata: "{}" })] })
            .catch(() => undefined);
        }
        await sip
          .createSipParticipant(trunk, to, `floor-${to}`, { participantIdentity: `floor-${to}`, fromNumber: space.from, waitUntilAnswered: false })
          .catch(() => undefined);
      }
    }),
  );
  const times = [...inviteTimes((await finish(pbx)).messages).values()];
  const cpu = cpuPerCall(cpu0, sampleCpu(), times.length);
  return { placed: times.length, perSecond: times.length / ((Math.max(...times) - t0) / 1000), p50: null, p95: null, cpu };
}

async function finish(pbx: Pbx) {
  const deadline = setTimeout(() => pbx.stop(), PHASE_SECONDS * 1000);
  const result = await pbx.done;
  clearTimeout(deadline);
  return result;
}

/**
 * `spacingMs` 0: all at once, 20 writers queueing them as fast as the database takes them
 * while the dispatchers dial. `backlog`: all queued before the dispatchers start (the clock
 * starts once they are up): the dispatchers' own rate, without the web app's queueing
 * sharing the two cores.
 */
async function throughDispatchers(count: number, calls: number, spacingMs: number, backlog = false): Promise<Figures> {
  const pbx = await startPbx({ kind: "answer", holdMs: 1000 }, { calls, timeoutSeconds: PHASE_SECONDS });
  const space = await callSpace(pbx.port);
  const tos = destinations(calls);
  const queuedAt = new Map<string, number>();
  const ids: string[] = [];
  const queueAll = async () => {
    let next = 0;
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next < tos.length) {
        const to = tos[next++]!;
        const id = await space.place(to);
        ids.push(id);
      }
    }));
  };
  if (backlog) await queueAll();
  const dispatchers: DispatcherHandle[] = [];
  for (let i = 0; i < count; i++) dispatchers.push(await startDispatcher({ ...dispatcherEnv(), DISPATCHER_RECONCILE_SECONDS: "5", DISPATCHER_LEASE_SECONDS: "15" }));
  const cpu0 = sampleCpu();
  const t0 = Date.now();
  if (backlog) {
    // Queued before the clock: "queued → INVITE" would be the backlog's age, not a latency.
  } else if (spacingMs === 0) {
    await queueAll();
  } else {
    for (const to of tos) {
      ids.push(await space.place(to));
      await new Promise((r) => setTimeout(r, spacingMs));
    }
  }
  for (const row of await db().call.findMany({ where: { id: { in: ids } }, select: { toNumber: true, createdAt: true } })) queuedAt.set(row.toNumber, row.createdAt.getTime());
  const result = await finish(pbx);
  const cpu1 = sampleCpu();
  const invites = inviteTimes(result.messages);
  const latencies = backlog ? [] : [...invites].map(([to, at]) => at - queuedAt.get(to)!).filter((x) => Number.isFinite(x));
  const last = Math.max(...invites.values());
  // Let the calls end before the next phase (their answered legs are reconciled away).
  const until = Date.now() + 60_000;
  while (Date.now() < until && (await db().call.count({ where: { id: { in: ids }, status: { notIn: FINAL } } })) > 0) await new Promise((r) => setTimeout(r, 1000));
  await Promise.all(dispatchers.map((d) => d.stop()));
  return { placed: invites.size, perSecond: invites.size / ((last - t0) / 1000), p50: backlog ? null : pct(latencies, 0.5), p95: backlog ? null : pct(latencies, 0.95), cpu: cpuPerCall(cpu0, cpu1, invites.size) };
}

console.log(`Calls engine benchmark: ${CALLS} calls a phase, PBX answers and hangs up after 1 s; ${STARTS} starts at once per dispatcher.\n`);
console.log("CPU ms per call: by process, from /proc over the phase (bench: this process, the 20 writers queueing through placeCall included).\n");
console.log("| phase | INVITEs on the wire | calls placed / s | queued → INVITE p50 / p95 | CPU ms per call |");
console.log("| --- | --- | --- | --- | --- |");
const loop = await floor(1);
report("LiveKit floor: a loop of raw createSipParticipant, one at a time", loop);
const base = await floor(STARTS);
report(`LiveKit floor: raw createSipParticipant, ${STARTS} at once`, base);
const needs = await floor(1, true);
report("LiveKit floor for what a call needs: its room with the agent dispatched, then createSipParticipant, one at a time", needs);
const one = await throughDispatchers(1, CALLS, 0);
report("1 dispatcher, all queued at once (by 20 writers while it dials)", one);
const drained = await throughDispatchers(1, CALLS, 0, true);
report("1 dispatcher, draining a backlog of them (queued before it starts)", drained);
const two = await throughDispatchers(2, CALLS, 0);
report("2 dispatchers, all queued at once", two);
const light = await throughDispatchers(1, 20, 500);
report("1 dispatcher, 2 calls/s (under every limit)", light);
const ratio = (f: Figures, to: Figures) => (f.perSecond / to.perSecond).toFixed(2);
console.log(`\nratio to the loop: 1 dispatcher ${ratio(one, loop)}, 2 dispatchers ${ratio(two, loop)}`);
console.log(`ratio to ${STARTS} at once: 1 dispatcher ${ratio(one, base)}, 2 dispatchers ${ratio(two, base)}`);
console.log(`1 dispatcher draining a backlog: ${ratio(drained, loop)} of the loop, ${ratio(drained, needs)} of the loop doing what a call needs`);
await db().$disconnect();
process.exit(0);
