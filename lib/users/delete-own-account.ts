import "server-only";
import { sourceAddress } from "@/lib/auth/auth-throttle";
import { authThrottle } from "@/lib/auth/auth-throttle-store";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { deleteSipAccount } from "@/lib/sip-accounts/delete-sip-account";
import { accountDeletionPlan } from "./account-deletion-plan";
import type { DeleteAccountInput } from "./schemas";

const WRONG_PASSWORD = "That is not your current password.";

/**
 * Deletes the caller's user. Refused while they are the last owner of a Space that has other
 * members (those members would be left with nobody to manage it). Spaces where they are the
 * only member go with them; their Custom SIP accounts are deprovisioned from LiveKit first, as
 * deleting one by hand does, so no trunk outlives its Space. Every API key they created is
 * revoked and the user row goes, so their sessions (whose version no longer matches any row,
 * lib/auth/session.ts) and keys are refused from the next request on.
 */
export async function deleteOwnAccount(userId: string, input: DeleteAccountInput, forwardedFor: string | null): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  // The sign-in guess budget: a stolen session cannot try passwords here faster than at sign-in.
  const ok = await authThrottle().signIn(user.email, sourceAddress(forwardedFor), async () => ((await verifyPassword(user.passwordHash, input.password)) ? true : null));
  if (!ok) throw new ValidationError(WRONG_PASSWORD, { password: [WRONG_PASSWORD] });

  const plan = await accountDeletionPlan(userId);
  if (plan.blocking.length > 0) {
    const names = plan.blocking.map((s) => `“${s.name}”`).join(", ");
    const message = `You are the last owner of ${names}, which has other members: make one of them an owner or remove them first.`;
    throw new ValidationError(message, { password: [message] });
  }
  for (const space of plan.deleted) {
    const accounts = await db().sipAccount.findMany({ where: { spaceId: space.id, deletedAt: null }, select: { id: true } });
    for (const a of accounts) await deleteSipAccount({ userId, spaceId: space.id, role: "OWNER" }, a.id);
  }
  await db().$transaction(async (tx) => {
    await tx.apiKey.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
    // Only Spaces that still have no other member: one who joined meanwhile keeps the Space
    // (and, if it needs an owner, the deployment's administrator can help them).
    await tx.space.deleteMany({ where: { id: { in: plan.deleted.map((s) => s.id) }, memberships: { every: { userId } } } });
    await tx.user.delete({ where: { id: userId } });
  });
}
