// Benchmark of the SIP edge (Kamailio) against the real stack (prints figures, never fails on
// time). Run it with the edge on:
//
//   SIP_EDGE=on EDGE_PIKE_REQUESTS_PER_2S=100000 bash bench/run.sh bench/sip-edge.ts
//
// (The flood below comes from one address: the edge's per-address flood limit would rightly
// drop it, so the run raises it.)
//
// 1. INVITE -> 200 OK, sequential, alternating through the edge and straight to livekit-sip
//    (the floor, same run): a participant answers each room at once with a tone, so the figure
//    is set-up time only. The edge asks the console how to route each INVITE: here the console
//    is the very route handler of app/api/internal/edge/inbound served by plain Node (no
//    Next.js router), over the real database.
// 2. INVITEs for unknown numbers sent at BENCH_FLOOD_RATE per second for BENCH_FLOOD_SECONDS,
//    each answered 404 and recorded as a refusal, while calls keep arriving through the edge:
//    refusals per second and whether those calls were still answered.
// Bounded: every sipp run has a time limit; every process it starts is stopped at the end.

import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { SipClient } from "livekit-server-sdk";
import { placeCall, type CallResult } from "@/agent-worker/test/sip-call";
import { POST as routeInbound } from "@/app/api/internal/edge/inbound/route";
import { POST as routeRefused } from "@/app/api/internal/edge/refused/route";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { db } from "@/lib/db/client";
import { SIPP_SCENARIOS, liveKitSipPort, stackSipPort } from "@/scripts/stack/sipp";
import { stackEnv, stackLiveKit } from "@/scripts/stack/stack-env";
import { answerWithTone } from "./tone-participant";

const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const FLOOD_RATE = Number(process.env.BENCH_FLOOD_RATE ?? 200);
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 20);
const run = randomInt(100_000, 999_999);
const number = `+1559${randomInt(1_000_000, 9_999_999)}`;
const caller = "+15557654321";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50)} ms, p95 ${pct(xs, 95)} ms (n=${xs.length})`;

/** The console's edge routes, served by plain Node on EDGE_CONSOLE_URL's port. */
function serveEdgeRoutes() {
  const port = Number(new URL(stackEnv("EDGE_CONSOLE_URL")).port);
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const handler = req.url === "/api/internal/edge/inbound" ? routeInbound : routeRefused;
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise<typeof server>((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function answered(sipPort: number): Promise<number | null> {
  const call: CallResult = await placeCall({ sipPort, called: number, caller, holdMs: 300, answerTimeoutMs: 10_000, timeoutSeconds: 30 });
  return call.exitCode === 0 ? call.answerMs : null;
}

/** sipp sends `total` INVITEs for unknown numbers at `rate` per second; resolves when it exits. */
async function flood(rate: number, total: number): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "sb-flood-"));
  const rows = Array.from({ length: total }, (_, i) => `+1550${String(1_000_000 + i)};${caller};`);
  await writeFile(path.join(dir, "f.csv"), `SEQUENTIAL\n${rows.join("\n")}\n`);
  const args = [`127.0.0.1:${stackSipPort()}`, "-sf", path.join(SIPP_SCENARIOS, "invite-refused.xml"), "-inf", path.join(dir, "f.csv"), "-m", String(total), "-r", String(rate), "-l", "500", "-i", "127.0.0.1", "-p", String(40_000 + randomInt(1000)), "-nostdin", "-timeout", `${FLOOD_SECONDS + 30}s`];
  await new Promise<void>((resolve) => spawn("sipp", args, { cwd: dir, stdio: "ignore" }).on("close", () => resolve()));
  await rm(dir, { recursive: true, force: true });
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

    const total = FLOOD_RATE * FLOOD_SECONDS;
    const before = await db().refusedCall.count({ where: { sipAccountId: account.id } });
    const started = performance.now();
    const flooding = flood(FLOOD_RATE, total);
    const during: Array<number | null> = [];
    let done = false;
    void flooding.then(() => (done = true));
    while (!done) during.push(await answered(stackSipPort()));
    await flooding;
    const seconds = (performance.now() - started) / 1000;
    const refused = (await db().refusedCall.count({ where: { sipAccountId: account.id } })) - before;
    const ok = during.filter((x): x is number => x !== null);
    console.log(`flood of unknown numbers at ${FLOOD_RATE}/s offered: ${refused} of ${total} refused (404) and recorded in ${seconds.toFixed(1)} s = ${(refused / seconds).toFixed(0)}/s; meanwhile ${ok.length}/${during.length} calls through the edge answered, INVITE -> 200 OK ${fmt(ok)}`);
  } finally {
    await tone.stop();
    await sip.deleteSipDispatchRule(rule.sipDispatchRuleId).catch(() => undefined);
    await sip.deleteSipTrunk(trunk.sipTrunkId).catch(() => undefined);
    server.close();
    await db().$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
