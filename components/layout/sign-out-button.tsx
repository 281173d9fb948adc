"use client";

import { signOut } from "next-auth/react";
import { signOutEverywhereAction } from "@/lib/auth/actions";

export function SignOutButton() {
  return (
    <div className="flex flex-wrap gap-x-3">
      <button type="button" className="mt-1 text-brand-600 hover:underline" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </button>
      <button
        type="button"
        className="mt-1 text-brand-600 hover:underline"
        title="Ends your sessions on every device and browser"
        onClick={async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/sign-in" });
        }}
      >
        End all sessions
      </button>
    </div>
  );
}
