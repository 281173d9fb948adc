"use client";

import { useRef } from "react";

/**
 * Remembers what had focus when an overlay opened and gives it focus back when it closes.
 * Radix only does this for its own Trigger; our overlays are opened from menus, rows and
 * buttons that own their state, so the opener is captured here instead. `fallback` wins
 * when the focused element at open time is short-lived (a menu item that unmounts).
 */
export function useReturnFocus(fallback?: React.RefObject<HTMLElement | null>) {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      const active = document.activeElement;
      opener.current = fallback?.current ?? (active instanceof HTMLElement && active !== document.body ? active : null);
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      const target = opener.current;
      opener.current = null;
      if (target?.isConnected) target.focus();
    },
  };
}
