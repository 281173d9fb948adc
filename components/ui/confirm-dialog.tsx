"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { Button } from "./button";
import { useReturnFocus } from "./use-return-focus";

/** A modal question with one confirming action; the body says what will happen. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const focus = useReturnFocus();
  return (
    // Escape and Cancel both ask the parent; the dialog never closes itself.
    <AlertDialog.Root open={open} onOpenChange={(next) => (next || busy ? undefined : onCancel())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[60] bg-slate-900/40" />
        <AlertDialog.Content
          aria-describedby={undefined}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          className="fixed left-1/2 top-1/2 z-[60] w-[28rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white shadow-xl focus:outline-none"
        >
          <div className="space-y-4 p-6">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            <div className="space-y-2 text-sm text-slate-700">{children}</div>
            <div className="flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary" disabled={busy}>{cancelLabel}</Button>
              </AlertDialog.Cancel>
              {/* Not AlertDialog.Action: that would close before the parent's work is done. */}
              <Button variant={danger ? "danger" : "primary"} onClick={onConfirm} disabled={busy}>
                {busy ? "Working…" : confirmLabel}
              </Button>
            </div>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
