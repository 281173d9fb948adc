"use client";

import { useState } from "react";
import { deleteSipAccountAction } from "@/app/(console)/s/[spaceId]/phone-numbers/sip-account-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import type { SipAccountView } from "@/lib/sip-accounts/view";

export function DeleteSipAccountDialog({
  spaceId,
  account,
  onDeleted,
  onCancel,
}: {
  spaceId: string;
  account: SipAccountView | null;
  onDeleted: (name: string) => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={account !== null}
      title={`Delete ${account?.accountName ?? "account"}?`}
      confirmLabel="Delete account"
      danger
      busy={busy}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onConfirm={async () => {
        if (!account) return;
        setBusy(true);
        setError(null);
        const result = await deleteSipAccountAction(spaceId, { accountId: account.id });
        setBusy(false);
        if (!result.ok) return setError(result.formError ?? "The account could not be deleted.");
        onDeleted(account.accountName);
      }}
    >
      <FormError message={error} />
      <p>This removes all numbers bound to the account, removes its LiveKit inbound and outbound trunks, and deletes the account.</p>
      <p className="font-medium">Your PBX-side routing to our gateway will remain — clean it up manually in the provider&apos;s admin panel.</p>
    </ConfirmDialog>
  );
}
