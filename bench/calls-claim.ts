// Benchmark of the calls engine's own writes: the dispatcher's claim (dispatcher/claim-call.ts),
// the statements every call runs under its Space's lock before it is dialled, and again at
// every look while it waits for a limit; then the status moves every call makes
// (lib/calls/move-call.ts: answered, completed), without and with a webhook endpoint
// listening. Prints CPU of this process and wall time per operation, beside a floor measured
// in the same run: as many bare round trips (BEGIN, four SELECT 1, COMMIT) on the same pool.
// Run it through its wrapper, which starts an isolated stack:
//
//   bash bench/run.sh bench/calls-claim.ts
//
// Bounded: BENCH_CLAIMS calls a phase (default 500). Prints figures, never fails on time.

import { callSpace } from "@/dispatcher/test/call-fixtures";
import { claimCall } from "@/dispatcher/claim-call";
import { completeCall } from "@/lib/calls/complete-call";
import { moveCall } from "@/lib/calls/move-call";
import { db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql-transaction";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 500);
const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };

async function queued(limits: { maxConcurrentCalls?: number } = {}, listening = false): Promise<string[]> {
  const space = await callSpace(5999, limits);
  // Its jobs never run here (no dispatcher): the endpoint only has to listen.
  if (listening) await db().webhookEndpoint.create({ data: { spaceId: space.ctx.spaceId, url: "http://127.0.0.1:9/hook", events: [], secretEnc: "unused" } });
  const ids: string[] = [];
  for (let i = 0; i < CLAIMS; i++) ids.push(await space.place());
  return ids;
}

async function timeEach(name: string, ids: string[], claim: (id: string) => Promise<void>): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const id of ids) await claim(id);
  const cpu = process.cpuUsage(cpu0);
  console.log(`| ${name} | ${ids.length} | ${((cpu.user + cpu.system) / 1000 / ids.length).toFixed(2)} ms | ${((performance.now() - t0) / ids.length).toFixed(2)} ms |`);
}

const expectKind = (kind: string) => async (id: string) => {
  const outcome = await claimCall(id, 60, ceilings);
  if (outcome.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(outcome)}`);
};

console.log(`Calls engine writes: ${CLAIMS} a phase, one at a time.\n`);
console.log("| phase | operations | CPU each (this process) | wall each |");
console.log("| --- | --- | --- | --- |");
const roundTrips = () => sqlTransaction(async (sql) => {
  for (let i = 0; i < 4; i++) await sql.query("SELECT 1");
});
for (let i = 0; i < 200; i++) await roundTrips(); // warm, as the claims are by their first hundred
await timeEach("floor: BEGIN, 4 x SELECT 1, COMMIT through pg", Array.from({ length: CLAIMS }, () => ""), async () => {
  await roundTrips();
});
const dialled = await queued();
await timeEach("a claim that dials (queued -> dialing, with its event)", dialled, expectKind("claimed"));
const moved = (ok: Promise<boolean>) => ok.then((done) => {
  if (!done) throw new Error("the move did not apply");
});
await timeEach("a status move: answered (the update, its event, nobody listening)", dialled, (id) => moved(moveCall(id, "in_progress", { answeredAt: new Date(), sipStatusCode: 200, leaseUntil: null }, "Answered")));
await timeEach("completeCall: read, then the move to completed", dialled, (id) => moved(completeCall(id, "The caller hung up.")));
const heard = await queued({}, true);
for (const id of heard) await expectKind("claimed")(id);
await timeEach("a status move: answered, one endpoint listening (+ message, delivery, job)", heard, (id) => moved(moveCall(id, "in_progress", { answeredAt: new Date(), sipStatusCode: 200, leaseUntil: null }, "Answered")));
const waiting = await queued({ maxConcurrentCalls: 1 });
await expectKind("claimed")(waiting.shift()!);
await timeEach("a claim that waits for a channel (writes the reason once)", waiting, expectKind("wait"));
await timeEach("a claim that waits again (a look: reads only)", waiting, expectKind("wait"));
await db().$disconnect();
process.exit(0);
