"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import { DiscardGuardContext } from "./discard-guard";
import { useReturnFocus } from "./use-return-focus";

/**
 * A right-hand panel on Radix Dialog: focus trapped inside, Escape and the backdrop close it,
 * focus goes back to whatever opened it. A form inside that reports unsaved changes
 * (useDiscardGuard) makes every close ask first.
 */
export function Drawer({
  open,
  onClose,
  title,
  children,
  wide = false,
  returnFocusRef,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  wide?: boolean;
  /** Where focus goes on close when the opener does not outlive the opening (a menu item). */
  returnFocusRef?: React.RefObject<HTMLElement | null>;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const reportDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const focus = useReturnFocus(returnFocusRef);

  const requestClose = () => {
    if (dirty.current) setAsking(true);
    else onClose();
  };

  // A new view (list → form → list) replaces the focused control: start again at the title
  // rather than letting focus fall to the page.
  useEffect(() => {
    if (open) titleRef.current?.focus();
  }, [open, title]);

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : requestClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <Dialog.Content
          aria-describedby={undefined}
          onOpenAutoFocus={(e) => {
            focus.onOpenAutoFocus();
            e.preventDefault();
            titleRef.current?.focus();
          }}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          onEscapeKeyDown={(e) => {
            // An open combobox list takes Escape for itself.
            if (e.target instanceof Element && e.target.closest('[role="combobox"][aria-expanded="true"]')) e.preventDefault();
          }}
          className={`fixed inset-y-0 right-0 z-50 flex h-full w-full flex-col bg-white shadow-xl focus:outline-none ${wide ? "sm:w-[44rem]" : "sm:w-[32rem]"} max-w-full`}
        >
          <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-6">
            <Dialog.Title ref={titleRef} tabIndex={-1} className="min-w-0 truncate text-base font-semibold focus:outline-none">
              {title}
            </Dialog.Title>
            <button type="button" aria-label="Close" onClick={requestClose} className="shrink-0 rounded p-1 text-slate-500 hover:bg-slate-100">
              <X aria-hidden className="size-4" />
            </button>
          </header>
          <div className="min-w-0 flex-1 overflow-y-auto px-4 py-5 sm:px-6">
            <DiscardGuardContext.Provider value={reportDirty}>{children}</DiscardGuardContext.Provider>
          </div>
          <ConfirmDialog
            open={asking}
            title="Discard changes?"
            confirmLabel="Discard changes"
            cancelLabel="Keep editing"
            danger
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              dirty.current = false;
              onClose();
            }}
          >
            <p>The form has changes that are not saved. Closing now discards them.</p>
          </ConfirmDialog>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
