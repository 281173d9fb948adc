import Link from "next/link";
import type { SpaceSummary } from "@/lib/spaces/service";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { SpaceSwitcher } from "./space-switcher";

export function AppShell({
  spaceId,
  spaceName,
  spaces,
  userEmail,
  showAdminLink = false,
  children,
}: {
  spaceId: string;
  spaceName: string;
  spaces: SpaceSummary[];
  userEmail: string;
  /** The deployment's administrator sees the way to the Admin area; nobody else learns it exists. */
  showAdminLink?: boolean;
  children: React.ReactNode;
}) {
  // One sidebar, shown in place from 768 px and in the menu sheet below that.
  const sidebar = (
    <>
      <div className="px-3 py-3">
        <SpaceSwitcher currentSpaceId={spaceId} currentSpaceName={spaceName} spaces={spaces} />
      </div>
      <SidebarNav spaceId={spaceId} />
      <div className="mt-auto border-t border-slate-200 px-4 py-3 text-xs text-slate-600">
        {showAdminLink ? <Link className="mb-2 block font-medium text-brand-700 hover:underline" href="/admin">Admin</Link> : null}
        <p className="truncate" title={userEmail}>{userEmail}</p>
        <SignOutButton />
      </div>
    </>
  );
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="border-b border-slate-200 px-4 py-4">
          <p className="text-base font-semibold text-brand-700">Switchboard</p>
        </div>
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <MobileNav>{sidebar}</MobileNav>
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">{children}</main>
      </div>
    </div>
  );
}
