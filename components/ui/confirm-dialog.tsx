"use client";

import { useModalDialog } from "./use-modal-dialog";
import { Button } from "./button";

/** A modal question with one confirming action; the body says what will happen. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} role="alertdialog" aria-label={title} onCancel={(e) => {
        // Escape asks the parent, as Cancel does; see Drawer for why not "close".
        e.preventDefault();
        if (e.target === e.currentTarget) onCancel();
      }} className="m-auto w-[28rem] max-w-full rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-4 p-6">
        <h2 className="text-base font-semibold">{title}</h2>
        <div className="space-y-2 text-sm text-slate-700">{children}</div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button variant={danger ? "danger" : "primary"} onClick={onConfirm} disabled={busy}>
            {busy ? "Working…" : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
