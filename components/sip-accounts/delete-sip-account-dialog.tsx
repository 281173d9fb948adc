"use client";

import { deleteSipAccountAction } from "@/lib/sip-accounts/actions";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
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
  return (
    <ActionConfirmDialog
      open={account !== null}
      title={`Delete ${account?.accountName ?? "account"}?`}
      confirmLabel="Delete account"
      failureText="The account could not be deleted."
      run={() => deleteSipAccountAction(spaceId, { accountId: account?.id ?? "" })}
      onDone={() => onDeleted(account?.accountName ?? "")}
      onCancel={onCancel}
    >
      <p>This removes all numbers bound to the account, removes its LiveKit inbound and outbound trunks, and deletes the account.</p>
      <p className="font-medium">Your PBX-side routing to our gateway will remain — clean it up manually in the provider&apos;s admin panel.</p>
    </ActionConfirmDialog>
  );
}
