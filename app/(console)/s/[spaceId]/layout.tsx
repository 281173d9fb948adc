import { AppShell } from "@/components/layout/app-shell";
import { userIsDeploymentAdmin } from "@/lib/admin/deployment-admin";
import { requireSpace, requireUser } from "@/lib/auth/session";
import { listSpacesOfUser, spaceSuspendedAt } from "@/lib/spaces/service";
import { SPACE_SUSPENDED_BANNER } from "@/lib/spaces/suspension";

export default async function SpaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ spaceId: string }>;
}) {
  const { spaceId } = await params;
  const space = await requireSpace(spaceId);
  const user = await requireUser();
  const [spaces, isAdmin, suspendedAt] = await Promise.all([listSpacesOfUser(user.id), userIsDeploymentAdmin(user.id), spaceSuspendedAt(spaceId)]);
  return (
    <AppShell spaceId={spaceId} spaceName={space.spaceName} spaces={spaces} userEmail={user.email} showAdminLink={isAdmin}>
      {suspendedAt ? (
        <p role="alert" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {SPACE_SUSPENDED_BANNER}
        </p>
      ) : null}
      {children}
    </AppShell>
  );
}
