import "server-only";
import { db } from "@/lib/db/client";

// What deleting a user does to each of their Spaces, read before anything changes: the
// confirmation dialog shows it, and deleteOwnAccount re-reads it at the moment of deletion.

export type AccountDeletionPlan = {
  /** Spaces where the user is the only member: deleted with them. */
  deleted: { id: string; name: string }[];
  /** Spaces the user is the last owner of while others are members: they block the deletion. */
  blocking: { id: string; name: string }[];
};

export async function accountDeletionPlan(userId: string): Promise<AccountDeletionPlan> {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { role: true, space: { select: { id: true, name: true, memberships: { where: { userId: { not: userId } }, select: { role: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const plan: AccountDeletionPlan = { deleted: [], blocking: [] };
  for (const { role, space } of memberships) {
    const others = space.memberships;
    if (others.length === 0) plan.deleted.push({ id: space.id, name: space.name });
    else if (role === "OWNER" && !others.some((o) => o.role === "OWNER")) plan.blocking.push({ id: space.id, name: space.name });
  }
  return plan;
}
