import "server-only";
import { serverEnv } from "@/lib/env";
import { createDbClient, type DbClient } from "./create-client";

export type { DbClient };
// Services catch races through this; re-exported so they need one import for the database.
export { isForeignKeyViolation, isUniqueViolation } from "./errors";

const globalForDb = globalThis as typeof globalThis & { __switchboardDb?: DbClient };

/**
 * The web app's Prisma client: one per process, created on first use (so `next build` needs
 * no database). Kept on globalThis because Next.js dev re-evaluates modules on every hot
 * reload, and each fresh client would open another pool of connections.
 */
export function db(): DbClient {
  // A process other than the web app (the dispatcher) installs its own client first.
  globalForDb.__switchboardDb ??= createDbClient(serverEnv().DATABASE_URL);
  return globalForDb.__switchboardDb;
}

/** Makes `client` this process's database (the dispatcher, from its own environment). */
export function installDbClient(client: DbClient): void {
  globalForDb.__switchboardDb = client;
}
