import "server-only";
import type { SpaceRoleName } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { SpaceContext } from "./context";
import type { CancelInviteInput, InviteMemberInput } from "./schemas";

// Invitations answer the same whether the email has an account or not: every invitation is
// recorded as pending, without looking the email up, and becomes a membership at the invitee's
// next request (lib/auth/session.ts), or at their first one after signing up with that email.
// So the owner learns nothing until the invitee shows up, and the invitee still gets in.
// A Space invitation does not admit sign-up on an invite-only deployment: that stays the
// administrator's list (lib/admin/sign-up-policy.ts).

export type PendingInvite = { email: string; role: SpaceRoleName; createdAt: string };

/** Owners only. Inviting an email again replaces the role it was invited with. */
export async function inviteMember(ctx: SpaceContext, input: InviteMemberInput): Promise<void> {
  if (ctx.role !== "OWNER") throw new ForbiddenError("Only owners can invite members");
  // Members of this Space are listed to the owner already, so saying so reveals nothing.
  const member = await db().membership.findFirst({ where: { spaceId: ctx.spaceId, user: { email: input.email } }, select: { id: true } });
  if (member) throw new ConflictError("Already a member", { email: ["This user is already a member of this Space."] });
  await db().spaceInvite.upsert({
    where: { spaceId_email: { spaceId: ctx.spaceId, email: input.email } },
    create: { spaceId: ctx.spaceId, email: input.email, role: input.role },
    update: { role: input.role },
  });
}

export async function listSpaceInvites(ctx: SpaceContext): Promise<PendingInvite[]> {
  const rows = await db().spaceInvite.findMany({ where: { spaceId: ctx.spaceId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ email: r.email, role: r.role, createdAt: r.createdAt.toISOString() }));
}

/** Owners only: a mistyped email must not stay a way in for whoever signs up with it. */
export async function cancelSpaceInvite(ctx: SpaceContext, input: CancelInviteInput): Promise<void> {
  if (ctx.role !== "OWNER") throw new ForbiddenError("Only owners can cancel invitations");
  await db().spaceInvite.deleteMany({ where: { spaceId: ctx.spaceId, email: input.email } });
}

/** Turns the user's pending invitations into memberships; one indexed read when there are none. */
export async function acceptSpaceInvites(userId: string, email: string): Promise<void> {
  const invites = await db().spaceInvite.findMany({ where: { email }, select: { id: true, spaceId: true, role: true } });
  if (invites.length === 0) return;
  await db().$transaction([
    db().membership.createMany({ data: invites.map((i) => ({ spaceId: i.spaceId, userId, role: i.role })), skipDuplicates: true }),
    db().spaceInvite.deleteMany({ where: { id: { in: invites.map((i) => i.id) } } }),
  ]);
}
