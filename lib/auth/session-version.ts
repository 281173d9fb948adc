import "server-only";
import { db } from "@/lib/db/client";

// Sessions the server can end: a session (a signed JWT cookie) carries the user's session
// version from sign-in, and lib/auth/session.ts compares it with the stored one on every
// request. Raising the stored version ends every session of the user at once.

/** The stored version, or null when the user no longer exists. */
export async function storedSessionVersion(userId: string): Promise<number | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? null;
}

/** Ends every session of the user, this one included. */
export async function endAllSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
