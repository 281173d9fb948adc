import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { requireSpace } from "@/lib/auth/session";
import { roleLabels } from "@/lib/auth/roles";
import { listMembers } from "@/lib/spaces/service";

export default async function MembersPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const members = await listMembers(ctx);
  return (
    <div className="max-w-3xl space-y-6">
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-left text-slate-500">
            <tr><th className="px-4 py-2 font-medium">Name</th><th className="px-4 py-2 font-medium">Email</th><th className="px-4 py-2 font-medium">Role</th></tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">{m.name}</td>
                <td className="px-4 py-2">{m.email}</td>
                <td className="px-4 py-2">{roleLabels[m.role]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
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
