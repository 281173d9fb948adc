"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import { setSpaceSuspendedAction } from "@/lib/admin/actions";

/** Suspend (after a confirmation saying what it stops) or resume a Space. */
export function SuspendSpaceButton({ spaceId, spaceName, suspended }: { spaceId: string; spaceName: string; suspended: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (suspended) {
    return (
      <div className="flex flex-col items-start gap-1">
        <Button
          variant="secondary"
          aria-label={`Resume ${spaceName}`}
          onClick={async () => {
            const result = await setSpaceSuspendedAction(spaceId, false);
            setError(result.ok ? null : (result.formError ?? "The Space could not be resumed."));
            if (result.ok) router.refresh();
          }}
        >
          Resume
        </Button>
        {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
      </div>
    );
  }
  return (
    <>
      <Button variant="danger" aria-label={`Suspend ${spaceName}`} onClick={() => setConfirming(true)}>
        Suspend
      </Button>
      <ActionConfirmDialog
        open={confirming}
        title={`Suspend ${spaceName}?`}
        confirmLabel="Suspend Space"
        failureText="The Space could not be suspended."
        run={() => setSpaceSuspendedAction(spaceId, true)}
        onCancel={() => setConfirming(false)}
        onDone={() => {
          setConfirming(false);
          router.refresh();
        }}
      >
        <p className="text-sm text-slate-700">
          Its numbers refuse inbound calls at once (403), its queued calls are not placed and new calls are refused. Its members keep
          access to the console and see a banner. You can resume it at any time.
        </p>
      </ActionConfirmDialog>
    </>
  );
}
