import "server-only";
import type { SpaceRoleName } from "@/lib/auth/roles";
import { isDeploymentAdmin } from "@/lib/admin/admin-rule";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import type { SpaceContext } from "@/lib/spaces/context";

// The deployment's own hidden Space: it holds the platform carrier accounts (Custom SIP
// accounts like any other, so the same form, validators, encryption, provisioning, Verify and
// Reprovision serve them) and the pool of platform numbers. Nobody is a member: the
// deployment's administrator acts in it as its owner, everyone else gets the 404 of a Space
// that does not exist. It is never listed to users nor in Admin → Spaces.

export const PLATFORM_SPACE_NAME = "Platform carrier";

/** The platform Space's id, created on first use (under a lock, so there is only ever one). */
export async function platformSpaceId(): Promise<string> {
  const found = await db().space.findFirst({ where: { isPlatform: true }, select: { id: true } });
  if (found) return found.id;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('platform-space', 0))`;
    const again = await tx.space.findFirst({ where: { isPlatform: true }, select: { id: true } });
    if (again) return again.id;
    return (await tx.space.create({ data: { name: PLATFORM_SPACE_NAME, isPlatform: true }, select: { id: true } })).id;
  });
}

/** The administrator's context in the platform Space, for the Admin faces' service calls. */
export async function platformContext(adminUserId: string): Promise<SpaceContext> {
  return { userId: adminUserId, spaceId: await platformSpaceId(), role: "OWNER" };
}

/**
 * The deployment's administrator is the platform Space's owner; for anyone else, or any other
 * Space, null (the session faces then fall back to memberships).
 */
export async function platformSpaceAccess(userId: string, spaceId: string): Promise<{ id: string; name: string; role: SpaceRoleName } | null> {
  const space = await db().space.findFirst({ where: { id: spaceId, isPlatform: true }, select: { id: true, name: true } });
  if (!space) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, deploymentAdmin: true } });
  return user && isDeploymentAdmin(user, serverEnv().SWITCHBOARD_ADMIN_EMAILS) ? { ...space, role: "OWNER" } : null;
}

/** The carrier's name on the Spaces' platform numbers: TELEPHONY_PROVIDER, or a plain label. */
export function platformCarrierLabel(): string {
  return serverEnv().TELEPHONY_PROVIDER ?? PLATFORM_SPACE_NAME;
}
