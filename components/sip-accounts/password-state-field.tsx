"use client";

import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import type { PasswordChange } from "@/lib/sip-accounts/schemas";

/**
 * The edit form's password: visibly one of three states. Untouched keeps the stored password
 * (which never reaches the browser), "Remove password" turns authentication off in that
 * direction, typing a new value replaces it.
 */
export function PasswordStateField({
  label,
  direction,
  value,
  onChange,
  passwordSet,
  error,
  clearedText,
}: {
  label: string;
  direction: "outbound" | "inbound" | "registration";
  value: PasswordChange;
  onChange: (next: PasswordChange) => void;
  passwordSet: boolean;
  error?: string;
  /** What "Remove password" means where it is not "authentication turns off". */
  clearedText?: string;
}) {
  const id = useId();
  const stateText =
    value.state === "untouched"
      ? passwordSet
        ? "A password is set. Leave this empty to keep it."
        : "No password is set."
      : value.state === "cleared"
        ? `The password will be removed: ${direction} authentication turns off. Clear the username too.`
        : "The new password replaces the stored one.";
  const shownState = value.state === "cleared" && clearedText ? clearedText : stateText;

  return (
    <div className="space-y-1" data-password-state={value.state}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <div className="flex gap-2">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          disabled={value.state === "cleared"}
          placeholder={value.state === "untouched" && passwordSet ? "•••••• (unchanged)" : value.state === "cleared" ? "Removed" : ""}
          value={value.state === "new" ? value.value : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-state`}
          className={inputClass}
          onChange={(e) => onChange(e.target.value === "" ? { state: "untouched" } : { state: "new", value: e.target.value })}
        />
        {passwordSet && value.state !== "cleared" ? (
          <button type="button" className="shrink-0 rounded-md border border-slate-300 px-2 text-xs text-slate-700 hover:bg-slate-100" onClick={() => onChange({ state: "cleared" })}>
            Remove password
          </button>
        ) : null}
        {value.state === "cleared" ? (
          <button type="button" className="shrink-0 rounded-md border border-slate-300 px-2 text-xs text-slate-700 hover:bg-slate-100" onClick={() => onChange({ state: "untouched" })}>
            Keep password
          </button>
        ) : null}
      </div>
      <p id={`${id}-state`} className="text-xs text-slate-500" data-testid={`${direction}-password-state`}>{shownState}</p>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}
