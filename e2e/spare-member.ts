import { createDbClient } from "../lib/db/create-client";
import assertLocalDatabase from "./assert-local-database";

// A throwaway member written straight to PostgreSQL, for the route table's member removal:
// signing one up through the browser per caller would cost seconds each. Test-only; it can
// never sign in (its password hash is not a hash).
export async function spareMember(spaceId: string): Promise<string> {
  assertLocalDatabase();
  const db = createDbClient(process.env.DATABASE_URL!, { maxConnections: 1 });
  try {
    const id = Math.random().toString(36).slice(2, 10);
    const user = await db.user.create({ data: { email: `spare-${id}@e2e.switchboard.test`, name: `Spare ${id}`, passwordHash: "none" } });
    await db.membership.create({ data: { spaceId, userId: user.id, role: "MEMBER" } });
    return user.id;
  } finally {
    await db.$disconnect();
  }
}
