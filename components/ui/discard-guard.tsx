"use client";

import { createContext, useContext, useEffect } from "react";

/** Lets a form inside an overlay tell it that closing now would lose the user's changes. */
export const DiscardGuardContext = createContext<((dirty: boolean) => void) | null>(null);

/** Call from a form with react-hook-form's `formState.isDirty` (or any "has unsaved edits"). */
export function useDiscardGuard(dirty: boolean) {
  const report = useContext(DiscardGuardContext);
  useEffect(() => {
    report?.(dirty);
    return () => report?.(false);
  }, [dirty, report]);
}
