import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MembersTable } from "@/components/settings/members-table";
import { requireSpace } from "@/lib/auth/session";
import { listMembers } from "@/lib/spaces/service";

export default async function MembersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const members = await listMembers(ctx);
  return (
    <div className="max-w-3xl space-y-6">
      <MembersTable spaceId={spaceId} members={members} me={ctx.userId} isOwner={ctx.role === "OWNER"} />
      {ctx.role === "OWNER" ? (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="mb-1 text-base font-semibold">Invite a member</h2>
          <p className="mb-4 text-sm text-slate-600">They need an account already; they will see this Space in their Space switcher.</p>
          <InviteMemberForm spaceId={spaceId} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">Only owners can invite members.</p>
      )}
    </div>
  );
}
