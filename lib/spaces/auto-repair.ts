import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { SpaceContext } from "./context";

// Whether drift found by the periodic Verify is repaired without asking (Reprovision in
// place). Off by default: repair stays the operator's choice.

export async function getAutoRepair(ctx: SpaceContext): Promise<boolean> {
  const space = await db().space.findUniqueOrThrow({ where: { id: ctx.spaceId }, select: { autoRepair: true } });
  return space.autoRepair;
}

export async function setAutoRepair(ctx: SpaceContext, enabled: boolean): Promise<boolean> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can change automatic repair.");
  await db().space.update({ where: { id: ctx.spaceId }, data: { autoRepair: enabled } });
  return enabled;
}
