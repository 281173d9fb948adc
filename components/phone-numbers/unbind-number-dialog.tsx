"use client";

import { unbindPhoneNumberAction } from "@/lib/phone-numbers/actions";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import type { PhoneNumberView } from "@/lib/phone-numbers/view";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";

export function UnbindNumberDialog({ spaceId, number, onRemoved, onCancel }: { spaceId: string; number: PhoneNumberView | null; onRemoved: () => void; onCancel: () => void }) {
  return (
    <ActionConfirmDialog
      open={number !== null}
      title={`Remove ${number?.number ?? "number"}?`}
      confirmLabel="Remove number"
      failureText="The number could not be removed."
      run={() => unbindPhoneNumberAction(spaceId, { numberId: number?.id ?? "" })}
      invalidate={[phoneNumberKeys.all(spaceId), sipAccountKeys.all(spaceId)]}
      onDone={onRemoved}
      onCancel={onCancel}
    >
      <p>Calls to this number will no longer reach an agent: it is removed from {number?.account.name ?? "the account"}&apos;s trunks and its dispatch rule is deleted in LiveKit.</p>
      <p>Your PBX keeps routing it to our gateway until you change that on the PBX.</p>
    </ActionConfirmDialog>
  );
}
