// Benchmark of the dispatcher's claim (dispatcher/claim-call.ts), the statements every call
// runs under its Space's lock before it is dialled, and again at every look while it waits
// for a limit. Prints CPU of this process and wall time per claim, beside a floor measured in
// the same run: as many bare round trips (BEGIN, four SELECT 1, COMMIT) on the same pool.
// Run it through its wrapper, which starts an isolated stack:
//
//   bash bench/run.sh bench/calls-claim.ts
//
// Bounded: BENCH_CLAIMS calls a phase (default 500). Prints figures, never fails on time.

import { callSpace } from "@/dispatcher/test/call-fixtures";
import { claimCall } from "@/dispatcher/claim-call";
import { db } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql-transaction";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 500);
const ceilings = { callsPerMinute: 1_000_000, concurrentCalls: 1_000_000 };

async function queued(limits: { maxConcurrentCalls?: number } = {}): Promise<string[]> {
  const space = await callSpace(5999, limits);
  const ids: string[] = [];
  for (let i = 0; i < CLAIMS; i++) ids.push(await space.place());
  return ids;
}

async function perClaim(name: string, ids: string[], claim: (id: string) => Promise<void>): Promise<void> {
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

console.log(`Claim benchmark: ${CLAIMS} claims a phase, one at a time.\n`);
console.log("| phase | claims | CPU per claim (this process) | wall per claim |");
console.log("| --- | --- | --- | --- |");
const roundTrips = () => sqlTransaction(async (sql) => {
  for (let i = 0; i < 4; i++) await sql.query("SELECT 1");
});
for (let i = 0; i < 200; i++) await roundTrips(); // warm, as the claims are by their first hundred
await perClaim("floor: BEGIN, 4 x SELECT 1, COMMIT through pg", Array.from({ length: CLAIMS }, () => ""), async () => {
  await roundTrips();
});
await perClaim("a claim that dials (queued -> dialing, with its event)", await queued(), expectKind("claimed"));
const waiting = await queued({ maxConcurrentCalls: 1 });
await expectKind("claimed")(waiting.shift()!);
await perClaim("a claim that waits for a channel (writes the reason once)", waiting, expectKind("wait"));
await perClaim("a claim that waits again (a look: reads only)", waiting, expectKind("wait"));
await db().$disconnect();
process.exit(0);
