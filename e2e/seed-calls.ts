import { test as base } from "@playwright/test";
import { createDbClient, type DbClient } from "../lib/db/create-client";
import assertLocalDatabase from "./assert-local-database";

// Call rows written straight to PostgreSQL, for specs about the call list rather than about
// placing calls: real ones need sipp or signed LiveKit webhooks and seconds each. Test-only;
// the app never writes calls this way.

export type SeedCall = { direction: "inbound" | "outbound"; createdAt: Date; from?: string; to?: string; durationSeconds?: number };
export type SeededCall = { id: string; direction: "inbound" | "outbound"; createdAt: Date; from: string };
export type SeedCalls = (spaceId: string, calls: SeedCall[]) => Promise<SeededCall[]>;

async function seed(db: DbClient, spaceId: string, calls: SeedCall[]): Promise<SeededCall[]> {
  const rows = await db.call.createManyAndReturn({
    data: calls.map((c) => ({ spaceId, direction: c.direction, fromNumber: c.from ?? "+15550100000", toNumber: c.to ?? "+15550100001", status: "completed" as const, createdAt: c.createdAt, durationSeconds: c.durationSeconds ?? 1 })),
    select: { id: true, direction: true, createdAt: true, fromNumber: true },
  });
  return rows.map((r) => ({ id: r.id, direction: r.direction, createdAt: r.createdAt, from: r.fromNumber }));
}

/** `seedCalls(spaceId, calls)` in a test; the database client closes when the test ends. */
export const test = base.extend<{ seedCalls: SeedCalls }>({
  // Playwright reads a fixture's dependencies from the destructuring pattern: none here.
  seedCalls: async ({}, provide) => {
    assertLocalDatabase();
    const db = createDbClient(process.env.DATABASE_URL!, { maxConnections: 1 });
    await provide((spaceId, calls) => seed(db, spaceId, calls));
    await db.$disconnect();
  },
});

export { expect } from "@playwright/test";

/** The list's order: newest first, the id breaking ties (as PostgreSQL compares text ids). */
export function newestFirst<T extends { createdAt: Date; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
