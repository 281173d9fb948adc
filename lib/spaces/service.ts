import "server-only";
import type { SpaceRoleName } from "@/lib/auth/roles";
import { newSpaceDefaults } from "@/lib/admin/deployment-settings";
import { markFirstUserAdmin } from "@/lib/admin/first-user";
import { assertSignUpAllowed } from "@/lib/admin/sign-up-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { platformSpaceAccess } from "@/lib/platform-numbers/platform-space";
import { db, isUniqueViolation } from "@/lib/db/client";
import type { SpaceContext } from "./context";
import type { CreateSpaceInput, SignUpInput } from "./schemas";

export type SpaceSummary = { id: string; name: string; role: SpaceRoleName };

/**
 * Creates the user and their first Space, which they own (the deployment's sign-up mode
 * permitting). An email that already has an account creates nothing and returns null, after
 * the same password hashing, and the action answers both alike (lib/auth/actions.ts),
 * so sign-up does not tell a stranger which emails have accounts.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; spaceId: string } | null> {
  await assertSignUpAllowed(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      await markFirstUserAdmin(tx, user.id);
      const space = await tx.space.create({ data: { name: input.spaceName, ...(await newSpaceDefaults(tx)) } });
      await tx.membership.create({ data: { spaceId: space.id, userId: user.id, role: "OWNER" } });
      return { userId: user.id, spaceId: space.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

// Verifying against a fixed hash when the email is unknown keeps the response time the same,
// so sign-in does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    dummyHash ??= hashPassword("no-such-user-placeholder");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  return ok ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
}

export async function listSpacesOfUser(userId: string): Promise<SpaceSummary[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    include: { space: true },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ id: m.space.id, name: m.space.name, role: m.role }));
}

/**
 * The caller's role in a Space, or null when they are not a member (the caller answers 404).
 * The platform Space has no members: its owner is the deployment's administrator.
 */
export async function findMembership(userId: string, spaceId: string): Promise<SpaceSummary | null> {
  const membership = await db().membership.findUnique({
    where: { spaceId_userId: { spaceId, userId } },
    include: { space: true },
  });
  if (membership) return { id: membership.space.id, name: membership.space.name, role: membership.role };
  return platformSpaceAccess(userId, spaceId);
}

/** When the deployment's administrator suspended the Space, or null while it is active. */
export async function spaceSuspendedAt(spaceId: string): Promise<Date | null> {
  const space = await db().space.findUnique({ where: { id: spaceId }, select: { suspendedAt: true } });
  return space?.suspendedAt ?? null;
}

export async function createSpace(userId: string, input: CreateSpaceInput): Promise<{ spaceId: string }> {
  return db().$transaction(async (tx) => {
    const space = await tx.space.create({ data: { name: input.name, ...(await newSpaceDefaults(tx)) } });
    await tx.membership.create({ data: { spaceId: space.id, userId, role: "OWNER" } });
    return { spaceId: space.id };
  });
}

export async function listMembers(ctx: SpaceContext) {
  const members = await db().membership.findMany({
    where: { spaceId: ctx.spaceId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role }));
}

