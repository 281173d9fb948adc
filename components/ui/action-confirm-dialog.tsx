"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ConfirmDialog } from "./confirm-dialog";
import { FormError } from "./form-error";

/**
 * A confirmation that runs one server action: busy while it runs, the action's refusal shown
 * in the dialog (which stays open), `onDone` once it succeeded.
 */
export function ActionConfirmDialog({
  open,
  title,
  confirmLabel,
  failureText,
  run,
  onDone,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** Shown when the action fails without a message of its own. */
  failureText: string;
  run: () => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      danger
      busy={busy}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onConfirm={async () => {
        setBusy(true);
        setError(null);
        const result = await run();
        setBusy(false);
        if (!result.ok) return setError(result.formError ?? failureText);
        onDone();
      }}
    >
      <FormError message={error} />
      {children}
    </ConfirmDialog>
  );
}
