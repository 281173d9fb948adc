// Benchmark of the phone numbers list (not a test: prints figures, never fails on time).
//
//   DATABASE_URL=postgresql://... npx tsx bench/phone-numbers-list.ts
//
// Seeds 10,000 numbers in one fresh Space straight through Prisma (createMany), and as many
// in a second Space so the planner faces more than one tenant, then times
// the list service's own query code (lib/phone-numbers/query-phone-numbers.ts, the body of
// listPhoneNumbers) for the first page, a digits search, a label search and the last page,
// and prints p50/p95 per case plus the plan PostgreSQL picks for the first page. Everything
// it made is deleted at the end, also when it fails.

import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDbClient } from "@/lib/db/create-client";
import { queryPhoneNumbers } from "@/lib/phone-numbers/query-phone-numbers";
import { listPhoneNumbersQuery } from "@/lib/phone-numbers/schemas";

const COUNT = 10_000;
const RUNS = 50;
const WARMUP = 5;

const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error("error: DATABASE_URL is not set (local: export DATABASE_URL=$(node scripts/db/postgres.mjs up | tail -1))");
  process.exit(1);
}
const db = createDbClient(url, { maxConnections: 4 });

// +1 999 is no real NANP area code, so these never collide with numbers a test or a person
// bound; the run id keeps two benchmark runs apart.
const run = String(randomInt(100, 999));
const numberAt = (i: number) => `+1999${run}${String(i).padStart(7, "0")}`;
const noiseAt = (i: number) => `+1998${run}${String(i).padStart(7, "0")}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = (await fn()) as { items: unknown[] };
    samples.push(performance.now() - t0);
    rows = result.items.length;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), rows };
}

const space = await db.space.create({ data: { name: `bench ${run}` } });
const noise = await db.space.create({ data: { name: `bench noise ${run}` } });
try {
  const account = await db.sipAccount.create({
    data: { spaceId: space.id, name: "Bench PBX", liveNameKey: "bench pbx", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], provisioningStatus: "provisioned" },
  });
  const agent = await db.agent.create({
    data: { spaceId: space.id, name: "Bench agent", nameKey: "bench agent", greeting: "Hi.", instructions: "Bench.", language: "en-US", sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline" },
  });
  const seedStart = performance.now();
  const noiseAccount = await db.sipAccount.create({ data: { spaceId: noise.id, name: "Noise PBX", liveNameKey: "noise pbx", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  for (let start = 0; start < COUNT; start += 2_000) {
    await db.phoneNumber.createMany({
      data: Array.from({ length: Math.min(2_000, COUNT - start) }, (_, k) => ({ spaceId: noise.id, sipAccountId: noiseAccount.id, e164: noiseAt(start + k), liveE164: noiseAt(start + k) })),
    });
  }
  for (let start = 0; start < COUNT; start += 2_000) {
    await db.phoneNumber.createMany({
      data: Array.from({ length: Math.min(2_000, COUNT - start) }, (_, k) => {
        const i = start + k;
        const e164 = numberAt(i);
        return {
          spaceId: space.id,
          sipAccountId: account.id,
          e164,
          liveE164: e164,
          label: i % 10 === 0 ? `Desk ${i}` : null,
          inboundAgentId: i % 3 === 0 ? agent.id : null,
          provisioningStatus: "provisioned" as const,
        };
      }),
    });
  }
  // As autovacuum would leave a settled table: statistics, and a visibility map for index-only counts.
  await db.$executeRawUnsafe("VACUUM ANALYZE phone_numbers");
  const seedMs = performance.now() - seedStart;

  const ctxQuery = (raw: Record<string, unknown>) => listPhoneNumbersQuery.parse(raw);
  const cases: [string, Record<string, unknown>][] = [
    ["first page (25)", {}],
    ["digits search (4 digits)", { q: numberAt(4321).slice(-4) }],
    ["digits search (typed +1 999 …)", { q: `+1 999 ${run} 000 4321` }],
    ["label search (\"desk 77\")", { q: "desk 77" }],
    ["last page (keyset)", { cursor: numberAt(COUNT - 26) }],
  ];

  console.log(`Seeded ${COUNT.toLocaleString("en-US")} numbers in the measured Space (and as many in another) in ${seedMs.toFixed(0)} ms; ${RUNS} timed runs per case after ${WARMUP} warm-up runs.`);
  console.log("");
  console.log("| case | rows | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, raw] of cases) {
    const query = ctxQuery(raw);
    const r = await time(() => queryPhoneNumbers(db, space.id, query));
    console.log(`| ${name} | ${r.rows} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  }

  // Where the first page's time goes: the page (rows with account and agent names) and the
  // total are two queries run side by side.
  const where = { spaceId: space.id, liveE164: { not: null } };
  const rowsOnly = await time(async () => ({ items: await db.phoneNumber.findMany({ where, orderBy: { e164: "asc" }, take: 26, include: { sipAccount: { select: { id: true, name: true } }, inboundAgent: { select: { id: true, name: true } }, outboundAgent: { select: { id: true, name: true } } } }) }));
  const countOnly = await time(async () => ({ items: [await db.phoneNumber.count({ where })] }));
  const rawSql = await time(async () => ({ items: await db.$queryRawUnsafe(`SELECT id FROM phone_numbers WHERE space_id = $1 AND live_e164 IS NOT NULL ORDER BY e164 LIMIT 26`, space.id) as unknown[] }));
  console.log(`| first page: rows query alone | ${rowsOnly.rows} | ${rowsOnly.p50.toFixed(2)} | ${rowsOnly.p95.toFixed(2)} |`);
  console.log(`| first page: count alone | 1 | ${countOnly.p50.toFixed(2)} | ${countOnly.p95.toFixed(2)} |`);
  console.log(`| first page: bare SQL, no relations | ${rawSql.rows} | ${rawSql.p50.toFixed(2)} | ${rawSql.p95.toFixed(2)} |`);

  // What the planner does with the first page's query (the same shape Prisma sends).
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN ANALYZE SELECT id FROM phone_numbers WHERE space_id = $1 AND live_e164 IS NOT NULL ORDER BY e164 ASC LIMIT 26`,
    space.id,
  );
  console.log("");
  console.log("First page plan:");
  for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`);
} finally {
  await db.phoneNumber.deleteMany({ where: { spaceId: { in: [space.id, noise.id] } } });
  await db.space.deleteMany({ where: { id: { in: [space.id, noise.id] } } });
  await db.$disconnect();
}
