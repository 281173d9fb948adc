"use client";

import { useState } from "react";
import { cancelCallAction } from "@/lib/calls/actions";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import { Button } from "@/components/ui/button";
import { callKeys } from "@/lib/http/query-keys";

/** Cancels a queued or scheduled call after a confirmation; a call already dialling is refused in the dialog. */
export function CancelCallButton({ spaceId, callId }: { spaceId: string; callId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>Cancel call</Button>
      <ActionConfirmDialog
        open={open}
        title="Cancel this call?"
        confirmLabel="Cancel call"
        failureText="The call could not be cancelled."
        run={() => cancelCallAction(spaceId, { callId })}
        invalidate={[callKeys.all(spaceId)]}
        onDone={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      >
        <p className="text-sm text-slate-700">It has not been dialled yet, so nobody is called. This cannot be undone.</p>
      </ActionConfirmDialog>
    </>
  );
}
