"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { cancelInviteAction } from "@/lib/spaces/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { roleLabels } from "@/lib/auth/roles";
import type { PendingInvite } from "@/lib/spaces/space-invites";

/** Settings → Members: invitations nobody has taken up yet; owners cancel a mistyped one. */
export function PendingInvites({ spaceId, invites }: { spaceId: string; invites: PendingInvite[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (invites.length === 0) return null;
  async function cancel(email: string) {
    const result = await cancelInviteAction(spaceId, { email });
    setError(result.ok ? null : (result.formError ?? "The invitation could not be cancelled."));
    router.refresh();
  }
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="mb-3 text-base font-semibold">Pending invitations</h2>
      <FormError message={error} />
      <ul aria-label="Pending invitations" className="divide-y divide-slate-100 text-sm">
        {invites.map((i) => (
          <li key={i.email} data-testid="invite-row" className="flex items-center justify-between py-2">
            <span>{i.email} · {roleLabels[i.role]}</span>
            <Button variant="ghost" onClick={() => cancel(i.email)}>Cancel invitation</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
