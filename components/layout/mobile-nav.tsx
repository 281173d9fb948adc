"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState } from "react";

/**
 * Below 768 px the sidebar lives behind a menu button, in a Radix Dialog sheet: focus is
 * trapped while it is open, Escape closes it, and focus returns to the button. Following a
 * link closes it too.
 */
export function MobileNav({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
      <p className="text-base font-semibold text-brand-700">Switchboard</p>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger aria-label="Open navigation" className="rounded-md p-2 text-slate-700 hover:bg-slate-100">
          <Menu aria-hidden className="size-5" />
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
          <Dialog.Content
            aria-describedby={undefined}
            onClick={(e) => {
              if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
            }}
            className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl focus:outline-none"
          >
            <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
              <Dialog.Title className="text-base font-semibold text-brand-700">Switchboard</Dialog.Title>
              <Dialog.Close aria-label="Close navigation" className="rounded-md p-2 text-slate-500 hover:bg-slate-100">
                <X aria-hidden className="size-5" />
              </Dialog.Close>
            </div>
            {children}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </header>
  );
}
