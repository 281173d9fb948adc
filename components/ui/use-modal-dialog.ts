"use client";

import { useEffect, useRef } from "react";

/** Opens and closes a <dialog> as a modal with `open`, so the browser traps focus and handles Escape. */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
