import type { PoolClient } from "pg";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { poolOf } from "./create-client";

// A transaction in plain SQL on the pool under Prisma, for the calls engine's hot path only:
// the dispatcher's claim (for every call and at every look while one waits, under the
// Space's lock) and every status move (lib/calls/move-call.ts). Prisma's interactive
// transaction costs this process ~1 ms of CPU before any statement, and each statement
// ~0.5 ms more than pg alone: a claim that dials took 6.8-7.3 ms of CPU through Prisma and
// takes 1.5-2.4 ms here, a move 2.5-2.7 ms and 0.4-0.6 (bench/calls-claim.ts). Everything
// else uses Prisma.
//
// pg parses `timestamp` columns (no time zone, holding UTC as Prisma writes them) in the
// process's own zone: statements here read them `AT TIME ZONE 'UTC'` and take instants as
// ISO strings cast with `::timestamptz AT TIME ZONE 'UTC'`, as Prisma would.

export type Sql = Pick<PoolClient, "query">;

/** Runs `work` between BEGIN and COMMIT on one connection; any throw rolls back and is rethrown. */
export async function sqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await poolOf(db()).connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackErr) {
      // The connection itself failed: the pool must not lend it again.
      broken = rollbackErr as Error;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A transaction of either kind: Prisma's, or the plain SQL one above. */
export type AnyTx = Prisma.TransactionClient | Sql;

/**
 * Runs one statement (`$1`-style parameters) in either kind of transaction: for the few
 * writes both kinds share (webhook emission), written once in SQL.
 */
export async function queryRows<T>(tx: AnyTx, text: string, values: unknown[]): Promise<T[]> {
  if ("$queryRawUnsafe" in tx) return tx.$queryRawUnsafe<T[]>(text, ...values);
  return (await tx.query(text, values)).rows as T[];
}
