import "server-only";
import { db } from "@/lib/db/client";

/** The transaction a converge runs in, holding the account's lock. */
export type AccountTx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Runs `fn` holding a PostgreSQL advisory lock on the account, so two writers (an edit and a
 * Reprovision, two Reprovisions, Refresh all) never converge one account at once and never
 * both create a trunk. The lock is released with the transaction, also when `fn` throws.
 */
export async function withAccountLock<T>(accountId: string, fn: (tx: AccountTx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sip-account:${accountId}`}, 0))`;
      return fn(tx);
    },
    // LiveKit calls happen inside; an unreachable LiveKit times out after 10 s per call.
    { timeout: 120_000, maxWait: 60_000 },
  );
}
