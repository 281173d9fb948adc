import type { SpaceSummary } from "@/lib/spaces/service";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { SpaceSwitcher } from "./space-switcher";

export function AppShell({
  spaceId,
  spaceName,
  spaces,
  userEmail,
  children,
}: {
  spaceId: string;
  spaceName: string;
  spaces: SpaceSummary[];
  userEmail: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="border-b border-slate-200 px-4 py-4">
          <p className="text-base font-semibold text-brand-700">Switchboard</p>
        </div>
        <div className="px-3 py-3">
          <SpaceSwitcher currentSpaceId={spaceId} currentSpaceName={spaceName} spaces={spaces} />
        </div>
        <SidebarNav spaceId={spaceId} />
        <div className="mt-auto border-t border-slate-200 px-4 py-3 text-xs text-slate-600">
          <p className="truncate" title={userEmail}>{userEmail}</p>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
    </div>
  );
}
