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
  const pool = new Pool({ connectionString, max: options.maxConnections });
  // Without a listener, an idle client dropped by the server (PostgreSQL restart, failover,
  // idle timeout) is an uncaught exception that kills the process. The pool replaces the
  // client on the next checkout; log and carry on.
  pool.on("error", (err) => {
    console.error("[db] idle PostgreSQL connection failed:", err.message);
  });
  // Our timestamp columns hold UTC (Prisma writes them so), and SQL that compares them with
  // now() reads now() in the session's zone: on a server set to New York, self-healing and
  // orphaned calls waited five hours. Every session runs in UTC, whatever the server's default.
  pool.on("connect", (connection) => {
    connection.query("SET TIME ZONE 'UTC'").catch((err: Error) => console.error("[db] could not set the session to UTC:", err.message));
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

/** The pg Pool `client` runs on: one set of connections for both ways in. */
export function poolOf(client: DbClient): Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("this Prisma client was not made by createDbClient");
  return pool;
}
