"use client";

import * as RadixToast from "@radix-ui/react-toast";
import { clsx } from "clsx";
import { X } from "lucide-react";
import { createContext, useCallback, useContext, useRef, useState } from "react";

// Results of actions (saved, deleted, verified) as Radix toasts: announced to screen readers,
// paused while hovered or focused, F8 reaches them, swipe or Escape dismisses. Errors that
// belong to a field stay on the field; these are for outcomes.

export type ToastTone = "ok" | "error";
type ToastItem = { id: number; text: string; tone: ToastTone };

const ToastContext = createContext<(text: string, tone?: ToastTone) => void>(() => undefined);

/** `toast("Verify passed")`, or `toast("…", "error")` for an outcome that went wrong. */
export function useToast() {
  return useContext(ToastContext);
}

export function Toaster({ children }: { children: React.ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  // The last three stay; an older one still on screen gives way to the newest.
  const show = useCallback((text: string, tone: ToastTone = "ok") => setItems((all) => [...all.slice(-2), { id: nextId.current++, text, tone }]), []);
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider label="Notifications" duration={7000} swipeDirection="right">
        {children}
        {items.map((item) => (
          <RadixToast.Root
            key={item.id}
            type={item.tone === "error" ? "foreground" : "background"}
            data-testid="toast"
            onOpenChange={(open) => {
              if (!open) setItems((all) => all.filter((t) => t.id !== item.id));
            }}
            className={clsx(
              "pointer-events-auto flex items-start gap-3 rounded-md px-4 py-3 text-sm shadow-lg ring-1",
              item.tone === "error" ? "bg-red-50 text-red-900 ring-red-200" : "bg-white text-slate-900 ring-slate-200",
            )}
          >
            <RadixToast.Description className="min-w-0 flex-1 break-words">{item.text}</RadixToast.Description>
            <RadixToast.Close aria-label="Dismiss" className="rounded p-0.5 text-slate-500 hover:bg-slate-100">
              <X aria-hidden className="size-4" />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        {/* The empty viewport must not catch clicks meant for what lies under it. */}
        <RadixToast.Viewport className="pointer-events-none fixed bottom-0 right-0 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}
