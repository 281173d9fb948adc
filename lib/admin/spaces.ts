import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { monthStartUtc } from "@/lib/usage/period";
import type { SpaceLimits } from "./schemas";

// The Admin area's view of every Space, and suspend / resume. Only the Admin faces call
// this (they check the caller is the deployment's administrator first).

export type SpaceOverview = {
  id: string;
  name: string;
  createdAt: string;
  suspendedAt: string | null;
  owners: string[];
  members: number;
  sipAccounts: number;
  phoneNumbers: number;
  callsThisMonth: number;
  /** Billable seconds this UTC month (answered calls' durations), both directions. */
  billableSecondsThisMonth: number;
  monthlyMinutesLimit: number | null;
};

export async function listSpacesOverview(now = new Date(), onlySpaceId?: string): Promise<SpaceOverview[]> {
  const since = monthStartUtc(now);
  const [spaces, calls] = await Promise.all([
    db().space.findMany({
      // The platform Space (lib/platform-numbers) is the deployment's own, not a tenant.
      where: { isPlatform: false, ...(onlySpaceId ? { id: onlySpaceId } : {}) },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, name: true, createdAt: true, suspendedAt: true, monthlyMinutesLimit: true,
        memberships: { select: { role: true, user: { select: { email: true } } } },
        _count: { select: { sipAccounts: { where: { deletedAt: null } }, phoneNumbers: { where: { liveE164: { not: null } } } } },
      },
    }),
    db().call.groupBy({ by: ["spaceId"], where: { createdAt: { gte: since }, ...(onlySpaceId ? { spaceId: onlySpaceId } : {}) }, _count: { _all: true }, _sum: { durationSeconds: true } }),
  ]);
  const usage = new Map(calls.map((c) => [c.spaceId, { calls: c._count._all, seconds: c._sum.durationSeconds ?? 0 }]));
  return spaces.map((s) => ({
    id: s.id,
    name: s.name,
    createdAt: s.createdAt.toISOString(),
    suspendedAt: s.suspendedAt?.toISOString() ?? null,
    owners: s.memberships.filter((m) => m.role === "OWNER").map((m) => m.user.email),
    members: s.memberships.length,
    sipAccounts: s._count.sipAccounts,
    phoneNumbers: s._count.phoneNumbers,
    callsThisMonth: usage.get(s.id)?.calls ?? 0,
    billableSecondsThisMonth: usage.get(s.id)?.seconds ?? 0,
    monthlyMinutesLimit: s.monthlyMinutesLimit,
  }));
}

export async function findSpaceOverview(spaceId: string, now = new Date()): Promise<SpaceOverview> {
  const [found] = await listSpacesOverview(now, spaceId);
  if (!found) throw new NotFoundError("No such Space");
  return found;
}

/** Suspends or resumes a Space; suspending twice keeps the first instant. */
export async function setSpaceSuspended(spaceId: string, suspended: boolean): Promise<{ suspendedAt: string | null }> {
  const space = await db().space.findFirst({ where: { id: spaceId, isPlatform: false }, select: { suspendedAt: true } });
  if (!space) throw new NotFoundError("No such Space");
  const suspendedAt = suspended ? (space.suspendedAt ?? new Date()) : null;
  await db().space.update({ where: { id: spaceId }, data: { suspendedAt } });
  return { suspendedAt: suspendedAt?.toISOString() ?? null };
}

/** Sets the Space's monthly minutes limit (null: none); enforced from the next call on. */
export async function setSpaceLimits(spaceId: string, limits: SpaceLimits): Promise<SpaceLimits> {
  const updated = await db().space.updateMany({ where: { id: spaceId, isPlatform: false }, data: { monthlyMinutesLimit: limits.monthlyMinutesLimit } });
  if (updated.count === 0) throw new NotFoundError("No such Space");
  return limits;
}
