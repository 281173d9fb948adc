"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { AccountDeletionPlan } from "@/lib/users/account-deletion-plan";
import { deleteAccountAction } from "@/lib/users/actions";

const names = (spaces: { name: string }[]) => spaces.map((s) => `“${s.name}”`).join(", ");

/** Settings → Your account: deleting the signed-in user, confirmed with their password. */
export function DeleteAccount({ plan }: { plan: AccountDeletionPlan }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await deleteAccountAction({ password });
    if (result.ok) return signOut({ callbackUrl: "/sign-in" });
    setBusy(false);
    setError(result.fieldErrors?.password?.[0] ?? result.formError ?? "Your account could not be deleted.");
  }

  return (
    <section className="rounded-lg border border-red-200 bg-white p-6">
      <h2 className="mb-1 text-base font-semibold">Delete your account</h2>
      <p className="mb-4 text-sm text-slate-600">Your user, your sessions and the API keys you created end at once. This cannot be undone.</p>
      {plan.blocking.length > 0 ? (
        <p role="note" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are the last owner of {names(plan.blocking)}, which has other members: make one of them an owner or remove them first.
        </p>
      ) : null}
      <Button variant="danger" onClick={() => { setError(null); setPassword(""); setOpen(true); }}>Delete account</Button>
      <ConfirmDialog open={open} title="Delete your account?" confirmLabel="Delete my account" danger busy={busy} onConfirm={confirm} onCancel={() => setOpen(false)}>
        <p>
          {plan.deleted.length > 0
            ? `You are the only member of ${names(plan.deleted)}: ${plan.deleted.length === 1 ? "it is" : "they are"} deleted with your account, with ${plan.deleted.length === 1 ? "its" : "their"} numbers, agents, calls and keys.`
            : "No Space is deleted: you leave the Spaces you belong to."}
        </p>
        <FormError message={error} />
        <TextField label="Current password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </ConfirmDialog>
    </section>
  );
}
