import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MembersTable } from "@/components/settings/members-table";
import { PendingInvites } from "@/components/settings/pending-invites";
import { requireSpace } from "@/lib/auth/session";
import { listMembers } from "@/lib/spaces/service";
import { listSpaceInvites } from "@/lib/spaces/space-invites";

export default async function MembersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const members = await listMembers(ctx);
  const isOwner = ctx.role === "OWNER";
  return (
    <div className="max-w-3xl space-y-6">
      <MembersTable spaceId={spaceId} members={members} me={ctx.userId} isOwner={isOwner} />
      {isOwner ? (
        <>
          <PendingInvites spaceId={spaceId} invites={await listSpaceInvites(ctx)} />
          <section className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 className="mb-1 text-base font-semibold">Invite a member</h2>
            <p className="mb-4 text-sm text-slate-600">They join at their next visit to the console, or when they sign up with this email; the Space then shows in their Space switcher.</p>
            <InviteMemberForm spaceId={spaceId} />
          </section>
        </>
      ) : (
        <p className="text-sm text-slate-600">Only owners can invite members.</p>
      )}
    </div>
  );
}
