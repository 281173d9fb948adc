"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { toActionError } from "@/lib/actions/to-action-error";
import { signUpInput } from "@/lib/spaces/schemas";
import { signUp } from "@/lib/spaces/service";
import { sourceAddress } from "./auth-throttle";
import { authThrottle } from "./auth-throttle-store";
import { endAllSessions } from "./session-version";
import { currentUser } from "./session";

/** End all sessions: every session of the caller ends, on every device, at its next request. */
export async function signOutEverywhereAction(): Promise<{ ok: boolean }> {
  const user = await currentUser();
  if (!user) return { ok: false };
  await endAllSessions(user.id);
  return { ok: true };
}

/**
 * Answers alike whether the email was new or already had an account (the service hashed the
 * password either way), so the answer reveals nothing. The legitimate user still gets in: the
 * form then signs in with what was typed, which lands a new user in their new Space and the
 * owner of an existing account in theirs; with another password it says to sign in instead.
 */
export async function signUpAction(raw: unknown): Promise<ActionResult> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    // Every valid attempt counts, taken email or not: the limit also bounds probing for accounts.
    await authThrottle().signUp(sourceAddress((await headers()).get("x-forwarded-for")));
    await signUp(parsed.data);
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionError(err);
  }
}
