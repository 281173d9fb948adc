"use server";

import { endAllSessions } from "./session-version";
import { currentUser } from "./session";

/** End all sessions: every session of the caller ends, on every device, at its next request. */
export async function signOutEverywhereAction(): Promise<{ ok: boolean }> {
  const user = await currentUser();
  if (!user) return { ok: false };
  await endAllSessions(user.id);
  return { ok: true };
}
