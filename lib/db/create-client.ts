import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type DbClient = PrismaClient;

// The pg Pool under each client, for the few statements that go around Prisma (sql-transaction.ts).
const pools = new WeakMap<DbClient, Pool>();

export type CreateDbClientOptions = {
  /** Pool size; pg's default (10) suits one Next.js server process. */
  maxConnections?: number;
};

/**
 * A Prisma client over a pg Pool on `connectionString`. The web app uses the singleton in
 * ./client.ts; scripts and tests that run outside Next.js (seed, integration tests) build
 * their own here and call `$disconnect()`, which also ends the pool.
 */
export function createDbClient(connectionString: string, options: CreateDbClientOptions = {}): DbClient {
  const pool = new Pool({ connectionString: inUtc(connectionString), max: options.maxConnections });
  // Without a listener, an idle client dropped by the server (PostgreSQL restart, failover,
  // idle timeout) is an uncaught exception that kills the process. The pool replaces the
  // client on the next checkout; log and carry on.
  pool.on("error", (err) => {
    console.error("[db] idle PostgreSQL connection failed:", err.message);
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

/**
 * `connectionString` with every session set to UTC at connection start. Our timestamp columns
 * hold UTC (Prisma writes them so), and SQL that compares them with now() reads now() in the
 * session's zone: on a server set to New York, self-healing and orphaned calls waited five
 * hours. A startup option rather than a SET on connect, which raced the pool's first query
 * (pg warns of queries overlapping on one connection). A later -c wins over an earlier one,
 * so the URL's own options are kept and ours comes last.
 */
function inUtc(connectionString: string): string {
  const url = new URL(connectionString);
  const own = url.searchParams.get("options");
  url.searchParams.set("options", `${own ? `${own} ` : ""}-c TimeZone=UTC`);
  return url.toString();
}

/** The pg Pool `client` runs on: one set of connections for both ways in. */
export function poolOf(client: DbClient): Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("this Prisma client was not made by createDbClient");
  return pool;
}
