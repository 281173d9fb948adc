"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import type { ActionResult } from "@/lib/actions/result";
import { ConfirmDialog } from "./confirm-dialog";
import { FormError } from "./form-error";

/**
 * A confirmation that runs one server action as a mutation: busy while it runs, the action's
 * refusal shown in the dialog (which stays open); once it succeeded, the `invalidate` views
 * refetch and `onDone` runs.
 */
export function ActionConfirmDialog({
  open,
  title,
  confirmLabel,
  failureText,
  run,
  invalidate = [],
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
  /** Query keys whose views the action changes. */
  invalidate?: readonly QueryKey[];
  onDone: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  const mutation = useActionMutation(run, invalidate);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      danger
      busy={mutation.isPending}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
      onConfirm={async () => {
        setError(null);
        const result = await mutation.mutateAsync(undefined).catch((): ActionResult<unknown> => ({ ok: false }));
        if (!result.ok) return setError(result.formError ?? failureText);
        onDone();
      }}
    >
      <FormError message={error} />
      {children}
    </ConfirmDialog>
  );
}
