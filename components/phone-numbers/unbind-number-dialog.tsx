"use client";

import { useState } from "react";
import { unbindPhoneNumberAction } from "@/app/(console)/s/[spaceId]/phone-numbers/phone-number-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import type { PhoneNumberView } from "@/lib/phone-numbers/view";

export function UnbindNumberDialog({ spaceId, number, onRemoved, onCancel }: { spaceId: string; number: PhoneNumberView | null; onRemoved: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={number !== null}
      title={`Remove ${number?.number ?? "number"}?`}
      confirmLabel="Remove number"
      danger
      busy={busy}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onConfirm={async () => {
        if (!number) return;
        setBusy(true);
        setError(null);
        const result = await unbindPhoneNumberAction(spaceId, { numberId: number.id });
        setBusy(false);
        if (!result.ok) return setError(result.formError ?? "The number could not be removed.");
        onRemoved();
      }}
    >
      <FormError message={error} />
      <p>Calls to this number will no longer reach an agent: it is removed from {number?.account.name ?? "the account"}&apos;s trunks and its dispatch rule is deleted in LiveKit.</p>
      <p>Your PBX keeps routing it to our gateway until you change that on the PBX.</p>
    </ConfirmDialog>
  );
}
