"use client";

import { useModalDialog } from "./use-modal-dialog";

/** A right-hand panel built on <dialog>, so focus trapping and Escape come from the browser. */
export function Drawer({
  open,
  onClose,
  title,
  children,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useModalDialog(open);

  return (
    <dialog
      ref={ref}
      aria-label={title}
      // Escape fires "cancel": the parent decides whether to close. Only our own event
      // counts (React replays a nested dialog's events on its ancestors), and "close" is not
      // used because it also fires when the parent closes the dialog itself.
      onCancel={(e) => {
        e.preventDefault();
        if (e.target === e.currentTarget) onClose();
      }}
      className={`ml-auto mr-0 h-full max-h-none ${wide ? "w-[44rem]" : "w-[32rem]"} max-w-full bg-white p-0 shadow-xl backdrop:bg-slate-900/30`}
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 px-6 py-4">
          <h2 className="text-base font-semibold">{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100">
            ✕
          </button>
        </header>
        <div className="flex-1 overflow-y-auto px-6 py-5">{open ? children : null}</div>
      </div>
    </dialog>
  );
}
