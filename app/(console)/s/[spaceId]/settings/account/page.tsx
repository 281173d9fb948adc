import { DeleteAccount } from "@/components/settings/delete-account";
import { requireSpace, requireUser } from "@/lib/auth/session";
import { accountDeletionPlan } from "@/lib/users/account-deletion-plan";

// The signed-in user's own account, shown under any Space's settings (it is not the Space's).
export default async function AccountPage({ params }: { params: Promise<{ spaceId: string }> }) {
  await requireSpace((await params).spaceId);
  const user = await requireUser();
  return (
    <div className="max-w-3xl space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-6 text-sm">
        <h2 className="mb-2 text-base font-semibold">Your account</h2>
        <p>{user.name} · {user.email}</p>
      </section>
      <DeleteAccount plan={await accountDeletionPlan(user.id)} />
    </div>
  );
}
