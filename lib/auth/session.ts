import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { findMembership } from "@/lib/spaces/service";
import { acceptSpaceInvites } from "@/lib/spaces/space-invites";
import type { SpaceContext } from "@/lib/spaces/context";
import { authOptions } from "./options";
import { storedSessionVersion } from "./session-version";

// The single identity choke point: pages, actions and routes ask here who the caller is.

export type SessionUser = { id: string; email: string; name: string | null };

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null; sessionVersion?: number } | undefined;
  if (!user?.id || !user.email) return null;
  // A session signed in before the user's sessions were ended (or whose user is gone) is over.
  if ((await storedSessionVersion(user.id)) !== (user.sessionVersion ?? 0)) return null;
  // Here, not at sign-in only, so an invitee who is signed in already joins at their next request.
  await acceptSpaceInvites(user.id, user.email.toLowerCase());
  return { id: user.id, email: user.email, name: user.name ?? null };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * Resolves the caller's membership of the Space named in the URL. A Space the caller does not
 * belong to is indistinguishable from one that does not exist: both are a 404.
 */
export async function requireSpace(spaceId: string): Promise<SpaceContext & { spaceName: string }> {
  const user = await requireUser();
  const membership = await findMembership(user.id, spaceId);
  if (!membership) notFound();
  return { userId: user.id, spaceId, role: membership.role, spaceName: membership.name };
}
