import { afterAll, describe, expect, it } from "vitest";
import { createDbClient, poolOf } from "./create-client";

// Timestamp columns hold UTC, and SQL compares them with now(): a session in another zone
// would see every deadline hours off. A server (or role, or URL) set to New York stands in
// here as a connection string asking for that zone.

const url = new URL(process.env.DATABASE_URL!);
url.searchParams.set("options", "-c TimeZone=America/New_York");
const client = createDbClient(url.toString(), { maxConnections: 2 });

afterAll(async () => {
  await client.$disconnect();
});

describe("database sessions", () => {
  it("run in UTC whatever zone the server gives them, through Prisma and through plain SQL", async () => {
    const viaPrisma = await client.$queryRaw<{ zone: string; nowAsTimestamp: Date }[]>`SELECT current_setting('TimeZone') AS zone, now()::timestamp(3) AS "nowAsTimestamp"`;
    expect(viaPrisma[0]!.zone).toBe("UTC");
    // A UTC column compared with now() is then right: now() as a timestamp is the current UTC time.
    expect(Math.abs(viaPrisma[0]!.nowAsTimestamp.getTime() - Date.now())).toBeLessThan(60_000);
    const { rows } = await poolOf(client).query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
    expect(rows[0]!.zone).toBe("UTC");
  });
});
