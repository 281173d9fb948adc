"use client";

import { useState } from "react";
import { reprovisionSipAccountAction } from "@/app/(console)/s/[spaceId]/phone-numbers/sip-account-actions";
import { Button } from "@/components/ui/button";

/** Converges LiveKit to the account's stored config in place; reports what changed. */
export function ReprovisionButton({ spaceId, accountId, onDone }: { spaceId: string; accountId: string; onDone: (message: string, failed: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await reprovisionSipAccountAction(spaceId, { accountId });
        setBusy(false);
        if (!result.ok) return onDone(result.formError ?? "Reprovision failed.", true);
        if (result.data.failed) return onDone(result.data.account.provisioning.reason ?? "Reprovision failed.", true);
        onDone(result.data.changes.length ? `Reprovisioned: ${result.data.changes.join("; ")}.` : "Reprovisioned: LiveKit already matched, nothing changed.", false);
      }}
    >
      {busy ? "Reprovisioning…" : "Reprovision"}
    </Button>
  );
}
