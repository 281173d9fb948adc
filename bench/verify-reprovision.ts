// Benchmark of Verify, Reprovision and Refresh all against the real stack (prints figures,
// never fails on time). Run it through its wrapper, which starts an isolated stack:
//
//   bash bench/run.sh bench/verify-reprovision.ts
//
// Each figure stands next to its floor: the raw LiveKit API round trips the same work needs,
// timed in the same run (each kind of call measured on its own, then counted as the work
// counts it). The difference is the console's own cost: database, locking, comparison.
// Bounded: fixed counts (BENCH_RUNS, default 10; BENCH_ACCOUNTS, default 200).

import { randomInt, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { RoomAgentDispatch, RoomConfiguration, SIPDispatchRule, SIPDispatchRuleIndividual, SIPDispatchRuleInfo, SIPTransport } from "@livekit/protocol";
import { SipClient } from "livekit-server-sdk";
import { createDbClient } from "@/lib/db/create-client";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import { refreshAllSipAccounts } from "@/lib/sip-accounts/refresh-all";
import { verifySipAccount } from "@/lib/sip-accounts/verify-sip-account";
import type { SpaceContext } from "@/lib/spaces/context";
import { stackEnv, stackLiveKit } from "../scripts/stack/stack-env";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 200);
const liveKit = stackLiveKit();
const sip = new SipClient(liveKit.url, liveKit.apiKey, liveKit.apiSecret);
const db = createDbClient(stackEnv("DATABASE_URL"), { maxConnections: 8 });
const run = randomInt(100, 999);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

async function sample(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timed(fn))[0]);
  return out;
}

/** A Space, an owner context, and `accounts` accounts of `perAccount` numbers, inserted directly. */
async function seed(series: number, accounts: number, perAccount: number): Promise<{ ctx: SpaceContext; accountIds: string[] }> {
  const user = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.switchboard.test`, name: "Bench", passwordHash: "x" } });
  const space = await db.space.create({ data: { name: `Bench ${run}`, memberships: { create: { userId: user.id, role: "OWNER" } } } });
  const accountIds = Array.from({ length: accounts }, () => randomUUID());
  await db.sipAccount.createMany({
    data: accountIds.map((id, i) => ({
      id, spaceId: space.id, name: `Bench ${series}-${i}`, liveNameKey: `bench ${series}-${i}`, sipServerAddress: "pbx.example.com", sipTransport: "udp" as const,
      destinationCountry: "US", allowedInboundIps: ["127.0.0.1"],
    })),
  });
  const numbers = accountIds.flatMap((accountId, a) =>
    Array.from({ length: perAccount }, (_, n) => {
      const e164 = `+1999${run}${series}${String(a * perAccount + n).padStart(6, "0")}`;
      return { spaceId: space.id, sipAccountId: accountId, e164, liveE164: e164 };
    }),
  );
  await db.phoneNumber.createMany({ data: numbers });
  return { ctx: { userId: user.id, spaceId: space.id, role: "OWNER" }, accountIds };
}

/** Mean latency of each raw LiveKit call kind, measured on scratch objects. */
async function rawCallCosts(trunkNumber: string) {
  const list = await sample(RUNS, () => sip.listSipInboundTrunk());
  const listOut = await sample(RUNS, () => sip.listSipOutboundTrunk());
  const listRules = await sample(RUNS, () => sip.listSipDispatchRule());
  const createIn: number[] = [], createOut: number[] = [], createRule: number[] = [], updateRule: number[] = [], del: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [a, inbound] = await timed(() => sip.createSipInboundTrunk(`raw ${i}`, [`${trunkNumber}${i}`], { allowedAddresses: ["127.0.0.1"] }));
    const [b, outbound] = await timed(() => sip.createSipOutboundTrunk(`raw ${i}`, "pbx.example.com", [`${trunkNumber}${i}`], { transport: SIPTransport.SIP_TRANSPORT_UDP }));
    // The same two calls the console makes per rule: create on a pending trunk id, then replace.
    const roomConfig = new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName: "bench" })] });
    const [c, created] = await timed(() => sip.createSipDispatchRule({ type: "individual", roomPrefix: "call-" }, { trunkIds: [`pending-${i}`], roomConfig }));
    const rule = new SIPDispatchRule({ rule: { case: "dispatchRuleIndividual", value: new SIPDispatchRuleIndividual({ roomPrefix: "call-" }) } });
    const [d] = await timed(() => sip.updateSipDispatchRule(created.sipDispatchRuleId, new SIPDispatchRuleInfo({ sipDispatchRuleId: created.sipDispatchRuleId, rule, trunkIds: [inbound.sipTrunkId], numbers: [`${trunkNumber}${i}`], roomConfig })));
    createIn.push(a); createOut.push(b); createRule.push(c); updateRule.push(d);
    del.push(...(await Promise.all([sample(1, () => sip.deleteSipDispatchRule(created.sipDispatchRuleId)), sample(1, () => sip.deleteSipTrunk(inbound.sipTrunkId)), sample(1, () => sip.deleteSipTrunk(outbound.sipTrunkId))])).flat());
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { list: mean(list), listOut: mean(listOut), listRules: mean(listRules), createIn: mean(createIn), createOut: mean(createOut), createRule: mean(createRule), updateRule: mean(updateRule), del: mean(del) };
}

async function main() {
  console.log(`Switchboard bench: Verify / Reprovision / Refresh all (runs=${RUNS}, accounts=${ACCOUNTS})\n`);
  const cost = await rawCallCosts(`+1888${run}`);
  console.log("raw LiveKit calls (mean):", Object.entries(cost).map(([k, v]) => `${k} ${ms(v)}`).join(", "), "\n");

  const big = await seed(1, 1, 100);
  const bigId = big.accountIds[0]!;
  const [firstCreate] = await timed(() => provisionAccount(bigId, { sweep: true }));
  const verify = await sample(RUNS, () => verifySipAccount(big.ctx, bigId, "api"));
  const verifyFloor = cost.list + cost.listOut + cost.listRules;
  const nothing = await sample(RUNS, () => provisionAccount(bigId, { sweep: true }));
  const nothingFloor = 2 * cost.list + 2 * cost.listOut + cost.listRules;
  const missing: number[] = [];
  for (let i = 0; i < 3; i++) {
    const row = await db.sipAccount.findUniqueOrThrow({ where: { id: bigId } });
    const rules = await sip.listSipDispatchRule({ trunkIds: [row.inboundTrunkId!] });
    for (const r of rules) await sip.deleteSipDispatchRule(r.sipDispatchRuleId);
    await sip.deleteSipTrunk(row.inboundTrunkId!);
    await sip.deleteSipTrunk(row.outboundTrunkId!);
    missing.push((await timed(() => provisionAccount(bigId, { sweep: true })))[0]);
  }
  const missingFloor = 2 * cost.list + 2 * cost.listOut + cost.listRules + cost.createIn + cost.createOut + 100 * (cost.createRule + cost.updateRule);

  console.log("one account with 100 numbers               measured (p50 / p95)        floor (raw round trips)");
  console.log(`  first provision (trunks + 100 rules)     ${ms(firstCreate).padEnd(28)}${ms(missingFloor)}`);
  console.log(`  Verify                                   ${`${ms(median(verify))} / ${ms(p95(verify))}`.padEnd(28)}${ms(verifyFloor)}`);
  console.log(`  Reprovision, nothing to change           ${`${ms(median(nothing))} / ${ms(p95(nothing))}`.padEnd(28)}${ms(nothingFloor)}`);
  console.log(`  Reprovision, everything missing          ${`${ms(median(missing))} / ${ms(p95(missing))}`.padEnd(28)}${ms(missingFloor)}`);

  const many = await seed(2, ACCOUNTS, 5);
  const [createAll, first] = await timed(() => refreshAllSipAccounts(many.ctx));
  const [againAll, second] = await timed(() => refreshAllSipAccounts(many.ctx));
  const perAccountCreate = cost.createIn + cost.createOut + 5 * (cost.createRule + cost.updateRule) + 2 * cost.list + 2 * cost.listOut + cost.listRules;
  const perAccountNothing = 2 * cost.list + 2 * cost.listOut + cost.listRules;
  console.log(`\nRefresh all over ${ACCOUNTS} accounts of 5 numbers (concurrency 4)   measured        floor (sum of raw round trips)`);
  console.log(`  everything missing (${first.changed.length} changed, ${first.failed.length} failed)`.padEnd(58) + `${ms(createAll).padEnd(16)}${ms(ACCOUNTS * perAccountCreate)}`);
  console.log(`  nothing to change (${second.unchanged} unchanged, ${second.failed.length} failed)`.padEnd(58) + `${ms(againAll).padEnd(16)}${ms(ACCOUNTS * perAccountNothing)}`);
  console.log("\nThe floor of Refresh all is the sequential sum; Refresh all overlaps four accounts, so it can beat it.");

  // Clean up LiveKit and the database.
  for (const id of [...many.accountIds, bigId]) {
    const row = await db.sipAccount.findUniqueOrThrow({ where: { id } });
    if (row.inboundTrunkId) for (const r of await sip.listSipDispatchRule({ trunkIds: [row.inboundTrunkId] })) await sip.deleteSipDispatchRule(r.sipDispatchRuleId);
    for (const t of [row.inboundTrunkId, row.outboundTrunkId]) if (t) await sip.deleteSipTrunk(t);
  }
  for (const ctx of [big.ctx, many.ctx]) await db.space.delete({ where: { id: ctx.spaceId } });
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
