import "server-only";
import { notFound } from "next/navigation";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { isDeploymentAdmin } from "./admin-rule";

/** Whether the signed-in user administers the deployment (read each request: a demotion applies at once). */
export async function userIsDeploymentAdmin(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, deploymentAdmin: true } });
  return user !== null && isDeploymentAdmin(user, serverEnv().SWITCHBOARD_ADMIN_EMAILS);
}

/** For Admin pages and actions: anyone else gets the 404 of a page that does not exist. */
export async function requireDeploymentAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!(await userIsDeploymentAdmin(user.id))) notFound();
  return user;
}
