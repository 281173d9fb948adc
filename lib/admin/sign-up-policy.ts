import "server-only";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { readDeploymentSettings } from "./deployment-settings";

export const INVITE_ONLY_MESSAGE = "Sign-up on this deployment is by invitation only, and this email has not been invited. Ask the deployment's administrator to invite it.";

/** Whether the sign-up page should say sign-up is by invitation only. */
export async function signUpIsInviteOnly(): Promise<boolean> {
  return (await readDeploymentSettings()).signUpMode === "invite_only";
}

/**
 * Invite-only sign-up admits invited emails and the administrators named in the environment,
 * and anyone while the deployment has no user yet (its first user is its administrator).
 */
export async function assertSignUpAllowed(email: string): Promise<void> {
  const settings = await readDeploymentSettings();
  if (settings.signUpMode === "open") return;
  const normalised = email.trim().toLowerCase();
  if (settings.invitedEmails.includes(normalised) || serverEnv().SWITCHBOARD_ADMIN_EMAILS.includes(normalised)) return;
  if ((await db().user.count()) === 0) return;
  throw new ValidationError(INVITE_ONLY_MESSAGE, { email: [INVITE_ONLY_MESSAGE] });
}
