import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { serverEnv } from "@/lib/env";

/**
 * Called inside the sign-up transaction: the first user of a fresh deployment becomes its
 * administrator when SWITCHBOARD_ADMIN_EMAILS names nobody. The advisory lock serialises
 * concurrent first sign-ups, so exactly one of them sees no other user.
 */
export async function markFirstUserAdmin(tx: Prisma.TransactionClient, userId: string, adminEmails: readonly string[] = serverEnv().SWITCHBOARD_ADMIN_EMAILS): Promise<void> {
  if (adminEmails.length > 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('deployment:first-user', 0))`;
  await tx.$executeRaw`UPDATE users SET deployment_admin = true WHERE id = ${userId} AND NOT EXISTS (SELECT 1 FROM users WHERE id <> ${userId})`;
}
