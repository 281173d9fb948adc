"use client";

import { useState } from "react";
import { verifySipAccountAction } from "@/lib/sip-accounts/actions";
import { Button } from "@/components/ui/button";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";

/** Runs Verify; the card shows the stored result once the accounts list refreshes. */
export function VerifyButton({
  spaceId,
  accountId,
  onDone,
}: {
  spaceId: string;
  accountId: string;
  onDone: (error: string | null, report: VerifyReport | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await verifySipAccountAction(spaceId, { accountId });
        setBusy(false);
        if (result.ok) onDone(null, result.data);
        else onDone(result.formError ?? "Verify failed.", null);
      }}
    >
      {busy ? "Verifying…" : "Verify"}
    </Button>
  );
}
