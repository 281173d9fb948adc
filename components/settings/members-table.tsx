"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ComponentRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { roleLabels, spaceRoles, type SpaceRoleName } from "@/lib/auth/roles";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { getJson } from "@/lib/http/get-json";
import { apiKeyKeys, memberKeys } from "@/lib/http/query-keys";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/spaces/actions";

export type MemberRow = { userId: string; name: string; email: string; role: SpaceRoleName };

const ROLES = spaceRoles.map((r) => ({ value: r, label: roleLabels[r] }));

/** The dialog's role choice, starting on the member's current role. */
function NewRoleField({ initial, onChange }: { initial: SpaceRoleName; onChange: (role: SpaceRoleName) => void }) {
  const select = useRef<ComponentRef<typeof SelectField>>(null);
  useEffect(() => {
    if (select.current) select.current.value = initial;
  }, [initial]);
  return <SelectField ref={select} label="New role" options={ROLES} onChange={(e) => onChange(e.target.value as SpaceRoleName)} />;
}

/**
 * Settings → Members: owners change roles and remove members; anyone can leave. Row buttons
 * are named by their row (no email in their names), so a cell is found by its email alone.
 */
export function MembersTable({ spaceId, members: initialMembers, me, isOwner }: { spaceId: string; members: MemberRow[]; me: string; isOwner: boolean }) {
  const router = useRouter();
  const members = useQuery({
    queryKey: memberKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: MemberRow[] }>(`/api/v1/spaces/${spaceId}/members`, "the members")).items,
    initialData: initialMembers,
  }).data;
  // A member's role and removal also cap or revoke the API keys they created here.
  const affected = [memberKeys.all(spaceId), apiKeyKeys.all(spaceId)];
  const changeMemberRole = useActionMutation((input: { userId: string; role: SpaceRoleName }) => changeMemberRoleAction(spaceId, input), affected);
  const removeMember = useActionMutation((userId: string) => removeMemberAction(spaceId, { userId }), affected);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [changing, setChanging] = useState<{ member: MemberRow; role: SpaceRoleName } | null>(null);
  const busy = changeMemberRole.isPending || removeMember.isPending;
  const reason = (r: { formError?: string; fieldErrors?: Record<string, string[]> } | null, fallback: string) => r?.formError ?? r?.fieldErrors?.userId?.[0] ?? fallback;

  async function changeRole() {
    if (!changing) return;
    const result = await changeMemberRole.mutateAsync({ userId: changing.member.userId, role: changing.role }).catch(() => null);
    setChanging(null);
    setError(result?.ok ? null : reason(result, "The role could not be changed."));
    // One's own role shapes the server-rendered page (who may invite, change roles): render it again.
    if (result?.ok && changing.member.userId === me) router.refresh();
  }

  async function remove() {
    if (!removing) return;
    const result = await removeMember.mutateAsync(removing.userId).catch(() => null);
    const leaving = removing.userId === me;
    setRemoving(null);
    if (!result?.ok) return setError(reason(result, "The member could not be removed."));
    setError(null);
    if (leaving) router.push("/");
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label="Members">
          <thead className="border-b border-slate-200 text-left text-slate-500">
            <tr><th className="px-4 py-2 font-medium">Name</th><th className="px-4 py-2 font-medium">Email</th><th className="px-4 py-2 font-medium">Role</th><th className="px-4 py-2" /></tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} data-testid="member-row" className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">{m.name}</td>
                <td className="px-4 py-2">{m.email}</td>
                <td className="px-4 py-2">{roleLabels[m.role]}</td>
                <td className="space-x-1 whitespace-nowrap px-4 py-2 text-right">
                  {isOwner ? <Button variant="ghost" onClick={() => setChanging({ member: m, role: m.role })}>Change role</Button> : null}
                  {isOwner || m.userId === me ? <Button variant="ghost" onClick={() => setRemoving(m)}>{m.userId === me ? "Leave" : "Remove"}</Button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ConfirmDialog open={changing !== null} title="Change role?" confirmLabel="Change role" busy={busy} onConfirm={changeRole} onCancel={() => setChanging(null)}>
        <p className="mb-3">{changing?.member.email} gets the new role on their next request. API keys they created here are capped at it.</p>
        {changing ? <NewRoleField initial={changing.member.role} onChange={(role) => setChanging({ ...changing, role })} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={removing?.userId === me ? "Leave this Space?" : "Remove this member?"}
        confirmLabel={removing?.userId === me ? "Leave Space" : "Remove member"}
        danger
        busy={busy}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing?.userId === me ? "You lose" : `${removing?.email} loses`} access to this Space at once, and the API keys {removing?.userId === me ? "you" : "they"} created here are revoked.
        </p>
      </ConfirmDialog>
    </div>
  );
}
