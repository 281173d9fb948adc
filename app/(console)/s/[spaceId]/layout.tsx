import { AppShell } from "@/components/layout/app-shell";
import { requireSpace, requireUser } from "@/lib/auth/session";
import { listSpacesOfUser } from "@/lib/spaces/service";

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
  const spaces = await listSpacesOfUser(user.id);
  return (
    <AppShell spaceId={spaceId} spaceName={space.spaceName} spaces={spaces} userEmail={user.email}>
      {children}
    </AppShell>
  );
}
