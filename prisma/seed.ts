// Demo data for local use: a user who owns one Space. Safe to run any number of times.
//
//   DATABASE_URL=postgresql://... npm run db:seed
//
// A tool run by tsx, not part of the web app: it reads DATABASE_URL itself rather than
// through lib/env.ts, which would also demand the LiveKit and auth settings.

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createDbClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";

const DEMO_EMAIL = "demo@switchboard.local";
const DEMO_PASSWORD = "switchboard-demo";
const DEMO_NAME = "Demo User";
const DEMO_SPACE = "Demo Space";

const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error("error: DATABASE_URL is not set (for the local database: export DATABASE_URL=$(node scripts/db/postgres.mjs up))");
  process.exit(1);
}

const db = createDbClient(url, { maxConnections: 2 });
try {
  let user = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
  if (!user) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    try {
      user = await db.user.create({ data: { email: DEMO_EMAIL, name: DEMO_NAME, passwordHash } });
      console.log(`Created user ${DEMO_EMAIL}`);
    } catch (err) {
      // Another seed run got there first.
      if (!isUniqueViolation(err, "email")) throw err;
      user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    }
  } else if (!(await verifyPassword(user.passwordHash, DEMO_PASSWORD))) {
    // Keep the printed credentials true even if someone changed the demo password.
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } });
    console.log(`Reset the password of ${DEMO_EMAIL}`);
  } else {
    console.log(`User ${DEMO_EMAIL} already exists`);
  }

  const owned = await db.membership.findFirst({
    where: { userId: user.id, role: "OWNER", space: { name: DEMO_SPACE } },
    select: { spaceId: true },
  });
  let spaceId = owned?.spaceId;
  if (spaceId) {
    console.log(`Space "${DEMO_SPACE}" already exists`);
  } else {
    const space = await db.space.create({
      data: { name: DEMO_SPACE, memberships: { create: { userId: user.id, role: "OWNER" } } },
    });
    spaceId = space.id;
    console.log(`Created space "${DEMO_SPACE}"`);
  }

  console.log(`\nSign in with:\n  email:    ${DEMO_EMAIL}\n  password: ${DEMO_PASSWORD}\n  space:    ${DEMO_SPACE} (${spaceId})`);
} finally {
  await db.$disconnect();
}
