"use client";

import { useActionMutation } from "@/components/forms/use-action-mutation";
import { Button } from "@/components/ui/button";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";
import { verifySipAccountAction } from "@/lib/sip-accounts/actions";

/** Runs Verify; the account's views (its stored result, its Verify history, its numbers' statuses) refetch once it has run. */
export function VerifyButton({
  spaceId,
  accountId,
  onDone,
}: {
  spaceId: string;
  accountId: string;
  onDone: (error: string | null, report: VerifyReport | null) => void;
}) {
  const verify = useActionMutation(() => verifySipAccountAction(spaceId, { accountId }), [sipAccountKeys.all(spaceId), phoneNumberKeys.all(spaceId)]);
  return (
    <Button
      variant="secondary"
      disabled={verify.isPending}
      onClick={async () => {
        const result = await verify.mutateAsync(undefined).catch(() => null);
        if (result?.ok) onDone(null, result.data);
        else onDone(result?.formError ?? "Verify failed.", null);
      }}
    >
      {verify.isPending ? "Verifying…" : "Verify"}
    </Button>
  );
}
