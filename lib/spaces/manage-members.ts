import "server-only";
import { spaceRoles, type SpaceRoleName } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { SpaceContext } from "./context";
import type { ChangeMemberRoleInput, RemoveMemberInput } from "./schemas";

// Removing a member and changing a role. Both take effect on the member's next request: every
// page, action and route looks the membership up again (lib/auth/session.ts, resolve-caller).
// The API keys the member created in the Space go with them: revoked when they leave, capped
// to their new role when it is lowered, so no key outlives its creator's rights.

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

const LAST_OWNER = "A Space needs at least one owner: make someone else an owner first.";

async function assertNotLastOwner(tx: Tx, spaceId: string, userId: string): Promise<void> {
  // Counted under a lock on the Space's owners, so two owners cannot both step down at once.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${spaceId}`}, 0))`;
  const others = await tx.membership.count({ where: { spaceId, role: "OWNER", userId: { not: userId } } });
  if (others === 0) throw new ValidationError(LAST_OWNER, { userId: [LAST_OWNER] });
}

async function membershipOf(tx: Tx, spaceId: string, userId: string) {
  const m = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } } });
  if (!m) throw new NotFoundError("Member not found");
  return m;
}

/** Owners remove anyone; anyone may leave. The member's keys in the Space are revoked. */
export async function removeMember(ctx: SpaceContext, input: RemoveMemberInput): Promise<{ revokedKeys: number }> {
  const leaving = input.userId === ctx.userId;
  if (ctx.apiKeyId) throw new ForbiddenError("Sign in to the console to remove members.");
  if (!leaving && ctx.role !== "OWNER") throw new ForbiddenError("Only owners can remove members.");
  return db().$transaction(async (tx) => {
    const m = await membershipOf(tx, ctx.spaceId, input.userId);
    if (m.role === "OWNER") await assertNotLastOwner(tx, ctx.spaceId, input.userId);
    await tx.membership.delete({ where: { id: m.id } });
    const revoked = await tx.apiKey.updateMany({ where: { spaceId: ctx.spaceId, createdById: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return { revokedKeys: revoked.count };
  });
}

/** Owners only. A lowered role caps the member's keys in the Space at it. */
export async function changeMemberRole(ctx: SpaceContext, input: ChangeMemberRoleInput): Promise<{ role: SpaceRoleName; cappedKeys: number }> {
  if (ctx.apiKeyId) throw new ForbiddenError("Sign in to the console to change roles.");
  if (ctx.role !== "OWNER") throw new ForbiddenError("Only owners can change roles.");
  return db().$transaction(async (tx) => {
    const m = await membershipOf(tx, ctx.spaceId, input.userId);
    if (m.role === "OWNER" && input.role !== "OWNER") await assertNotLastOwner(tx, ctx.spaceId, input.userId);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    const above = spaceRoles.slice(spaceRoles.indexOf(input.role) + 1);
    const capped = await tx.apiKey.updateMany({ where: { spaceId: ctx.spaceId, createdById: input.userId, revokedAt: null, role: { in: [...above] } }, data: { role: input.role } });
    return { role: input.role, cappedKeys: capped.count };
  });
}
