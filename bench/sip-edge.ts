// Benchmark of the SIP edge (Kamailio) against the real stack (prints figures, never fails on
// time). Run it with the edge on:
//
//   SIP_EDGE=on bash bench/run.sh bench/sip-edge.ts
//
// 1. INVITE -> 200 OK, sequential, alternating through the edge and straight to livekit-sip
//    (the floor, same run): a participant answers each room at once with a tone, so the figure
//    is set-up time only. The edge asks the console how to route an INVITE it has no answer
//    for: here the console is the very route handler of app/api/internal/edge/inbound served
//    by plain Node in its own process (bench/edge-console.ts), over the real database.
//    1b. The edge's own cost: INVITE -> 407 for an account with an inbound password, which
//    livekit-sip challenges with no set-up at all (bench/sip-challenge.ts), in turn again.
// 2. A flood of INVITEs for a number nobody bound (bench/edge-flood.ts: several senders on their
//    own loopback addresses, since the edge's pike limit is per address) while the calls of 1
//    go on through the edge: how many 404s per second arrive within 1 s, and what the answered
//    calls' set-up time becomes meanwhile.
// Bounded: every sipp run has a time limit; every process it starts is stopped at the end.

import { randomInt } from "node:crypto";
import { spawn } from "node:child_process";
import { SipClient } from "livekit-server-sdk";
import { placeCall, type CallResult } from "@/agent-worker/test/sip-call";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { db } from "@/lib/db/client";
import { liveKitSipPort, stackSipPort } from "@/scripts/stack/sipp";
import { stackLiveKit } from "@/scripts/stack/stack-env";
import { flood } from "./edge-flood";
import { timeChallenge } from "./sip-challenge";
import { answerWithTone } from "./tone-participant";

const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const FLOOD = { senders: Number(process.env.BENCH_FLOOD_SENDERS ?? 8), rate: Number(process.env.BENCH_FLOOD_RATE ?? 15), seconds: Number(process.env.BENCH_FLOOD_SECONDS ?? 15) };
const run = randomInt(100_000, 999_999);
const number = `+1559${randomInt(1_000_000, 9_999_999)}`;
const digestNumber = `+1557${randomInt(1_000_000, 9_999_999)}`;
const CHALLENGES = Number(process.env.BENCH_CHALLENGES ?? 100);
const caller = "+15557654321";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50)} ms, p95 ${pct(xs, 95)} ms (n=${xs.length})`;

/** The console's edge routes in a process of their own (bench/edge-console.ts). */
async function serveEdgeRoutes(): Promise<{ close: () => void }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/edge-console.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => b.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bench/edge-console.ts exited (${code})`)));
  });
  return { close: () => child.kill("SIGTERM") };
}

async function answered(sipPort: number): Promise<number | null> {
  const call: CallResult = await placeCall({ sipPort, called: number, caller, holdMs: 300, answerTimeoutMs: 10_000, timeoutSeconds: 30 });
  return call.exitCode === 0 ? call.answerMs : null;
}

async function main() {
  const { url, apiKey, apiSecret } = stackLiveKit();
  const sip = new SipClient(url, apiKey, apiSecret);
  const server = await serveEdgeRoutes();
  // The console's side: a bound number whose account lists 127.0.0.1 (the edge routes by it).
  const ctx = await ownerSpace("edge-bench");
  const account = await db().sipAccount.create({ data: { spaceId: ctx.spaceId, name: `Edge bench ${run}`, destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  await db().phoneNumber.create({ data: { spaceId: ctx.spaceId, sipAccountId: account.id, e164: number, liveE164: number } });
  // LiveKit's side, made directly (no agent dispatch): the tone participant answers.
  const trunk = await sip.createSipInboundTrunk(`edge-bench-${run}`, [number], { allowedAddresses: ["127.0.0.1"] });
  // An account with an inbound password (no allowlist): livekit-sip challenges its INVITEs at once.
  const digestAccount = await db().sipAccount.create({ data: { spaceId: ctx.spaceId, name: `Edge bench digest ${run}`, destinationCountry: "US", allowedInboundIps: [] } });
  await db().phoneNumber.create({ data: { spaceId: ctx.spaceId, sipAccountId: digestAccount.id, e164: digestNumber, liveE164: digestNumber } });
  const digestTrunk = await sip.createSipInboundTrunk(`edge-bench-digest-${run}`, [digestNumber], { authUsername: "bench", authPassword: `bench-${run}-secret` });
  const rule = await sip.createSipDispatchRule({ type: "individual", roomPrefix: `bench-edge-${run}` }, { name: `edge-bench-${run}`, trunkIds: [trunk.sipTrunkId] });
  const tone = answerWithTone({ url, apiKey, apiSecret, roomPrefix: `bench-edge-${run}` });
  try {
    const direct: number[] = [];
    const edge: number[] = [];
    let failed = 0;
    for (let i = 0; i < CALLS; i++) {
      for (const [port, into] of [[liveKitSipPort(), direct], [stackSipPort(), edge]] as const) {
        const ms = await answered(port);
        if (ms === null) failed++;
        else into.push(ms);
      }
    }
    console.log(`INVITE -> 200 OK, ${CALLS} calls each, alternating: direct to livekit-sip ${fmt(direct)}; through the edge ${fmt(edge)}; edge adds p50 ${pct(edge, 50) - pct(direct, 50)} ms; failed ${failed}`);

    // 1b. The edge's own cost, without LiveKit's set-up time: INVITE -> 407 (bench/sip-challenge.ts).
    const challenged: Record<"direct" | "edge", number[]> = { direct: [], edge: [] };
    let unchallenged = 0;
    for (let i = 0; i < CHALLENGES; i++) {
      for (const [port, into] of [[liveKitSipPort(), challenged.direct], [stackSipPort(), challenged.edge]] as const) {
        const { ms, code } = await timeChallenge(port, digestNumber, caller);
        if (code === 407) into.push(ms);
        else unchallenged++;
      }
    }
    const ms1 = (xs: number[], p: number) => pct(xs, p).toFixed(1);
    console.log(
      `INVITE -> 407 (livekit-sip's challenge, no set-up), ${CHALLENGES} each, alternating: direct p50 ${ms1(challenged.direct, 50)} ms, p95 ${ms1(challenged.direct, 95)} ms; ` +
        `through the edge p50 ${ms1(challenged.edge, 50)} ms, p95 ${ms1(challenged.edge, 95)} ms; the edge adds p50 ${(pct(challenged.edge, 50) - pct(challenged.direct, 50)).toFixed(1)} ms, ` +
        `p95 ${(pct(challenged.edge, 95) - pct(challenged.direct, 95)).toFixed(1)} ms; other answers ${unchallenged}`,
    );

    // 2. The flood, with calls through the edge going on beside it until it ends.
    const unbound = `+1558${randomInt(1_000_000, 9_999_999)}`;
    const flooding = flood(stackSipPort(), unbound, FLOOD);
    let over = false;
    void flooding.finally(() => (over = true));
    const during: number[] = [];
    let failedDuring = 0;
    while (!over) {
      const ms = await answered(stackSipPort());
      if (ms === null) failedDuring++;
      else during.push(ms);
    }
    const f = await flooding;
    console.log(`flood: ${FLOOD.senders} senders x ${FLOOD.rate}/s for ${FLOOD.seconds} s = ${f.offered} INVITEs for an unbound number; ${f.refusedInTime} answered 404 within 1 s (${(f.refusedInTime / f.seconds).toFixed(1)}/s over ${f.seconds.toFixed(1)} s), ${f.failed} not; meanwhile calls through the edge ${fmt(during)}, failed ${failedDuring}`);

  } finally {
    await tone.stop();
    await sip.deleteSipDispatchRule(rule.sipDispatchRuleId).catch(() => undefined);
    await sip.deleteSipTrunk(trunk.sipTrunkId).catch(() => undefined);
    await sip.deleteSipTrunk(digestTrunk.sipTrunkId).catch(() => undefined);
    server.close();
    await db().$disconnect();
  }
}

// Exit once the figures are printed and everything is stopped: after the flood a handle can
// linger (seen once: the bench sat for minutes after its last line), and a bench must end by itself.
main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
