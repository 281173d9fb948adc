import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { rateLimitBudgets } from "./budgets";
import { capWindowSeconds, createCountCaps, UNREACHABLE_POINTS, type CountCaps } from "./count-caps";
import { createRateLimits, type RateLimits } from "./limiter";

// Budgets in the app's PostgreSQL, so every web process (and anything else on the same
// database) spends the same ones.
//
// The table lives in its own PostgreSQL schema, not in Prisma's `public`: it is the library's
// table (its shape is RateLimiterPostgres's own CREATE TABLE), nothing queries it through
// Prisma, and outside `public` neither schema.prisma nor the migrations check see it. It is
// created here, awaited, rather than by the library: RateLimiterPostgres creates the table but
// not the schema, does it unawaited in its constructor (a failure without a callback is an
// unhandled rejection) and refuses every call until it is done. So the limiters are built with
// `tableCreated: true` once this has run, and a failed attempt is retried on the next request.

export const RATE_LIMITS_SCHEMA = "rate_limits";
export const RATE_LIMITS_TABLE = "buckets";
const TABLE = RATE_LIMITS_TABLE;

/** The connections and the table: what a process shares between every copy of this module. */
export type BudgetPool = { pool: Pool; ensureTable(): Promise<void> };

export function createBudgetPool(connectionString: string): BudgetPool {
  // A few connections of its own: a limiter query must not wait behind Prisma's pool, and
  // short timeouts so a database that hangs fails open quickly instead of holding requests.
  const pool = new Pool({ connectionString, max: 3, connectionTimeoutMillis: 2_000, query_timeout: 2_000, idleTimeoutMillis: 30_000 });
  // Without a listener, an idle client dropped by the server is an uncaught exception that
  // kills the process (see lib/db/create-client.ts).
  pool.on("error", (err) => {
    console.error("[rate-limits] idle PostgreSQL connection failed:", err.message);
  });
  let tableReady: Promise<void> | undefined;
  const ensureTable = () =>
    (tableReady ??= createTable(pool).catch((err: unknown) => {
      tableReady = undefined;
      throw err;
    }));
  return { pool, ensureTable };
}

/**
 * The limiters over a BudgetPool. Build them in the module that uses them, never share them
 * through globalThis: Next.js bundles route handlers and server actions apart, each with its
 * own copy of lib/errors and rate-limiter-flexible, so a limiter built by another bundle
 * throws classes this bundle's `instanceof` does not recognise.
 */
export function createPostgresRateLimits(store: BudgetPool): RateLimits {
  const limiterFor = limitersInTable(store);
  return createRateLimits((operation) => {
    const { points, durationSeconds } = rateLimitBudgets[operation];
    // One table for every operation: the prefix keeps their keys apart ("verify:<spaceId>").
    return limiterFor(operation, points, durationSeconds);
  });
}

/** The per-Space outbound caps (./count-caps.ts) in the same table, under their own prefixes. */
export function createPostgresCountCaps(store: BudgetPool): CountCaps {
  const limiterFor = limitersInTable(store);
  return createCountCaps((window) => limiterFor(`outbound-${window}`, UNREACHABLE_POINTS, capWindowSeconds[window]));
}

/** One RateLimiterPostgres per key prefix over the shared table, built on first use. */
function limitersInTable({ pool, ensureTable }: BudgetPool) {
  const limiters = new Map<string, RateLimiterPostgres>();
  return async (keyPrefix: string, points: number, duration: number): Promise<RateLimiterPostgres> => {
    await ensureTable();
    let limiter = limiters.get(keyPrefix);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        schemaName: RATE_LIMITS_SCHEMA,
        tableName: TABLE,
        tableCreated: true,
        keyPrefix,
        points,
        duration,
      });
      limiters.set(keyPrefix, limiter);
    }
    return limiter;
  };
}

// What PostgreSQL answers a CREATE ... IF NOT EXISTS racing the same one in another process
// (unique violation in its catalog, or "type already exists"): the object exists, the goal.
const ALREADY_CREATED = new Set(["23505", "42710", "42P06", "42P07"]);

async function createTable(pool: Pool): Promise<void> {
  for (const statement of [
    `CREATE SCHEMA IF NOT EXISTS "${RATE_LIMITS_SCHEMA}"`,
    `CREATE TABLE IF NOT EXISTS "${RATE_LIMITS_SCHEMA}"."${TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
  ]) {
    try {
      await pool.query(statement);
    } catch (err) {
      if (!ALREADY_CREATED.has((err as { code?: string }).code ?? "")) throw err;
    }
  }
}
