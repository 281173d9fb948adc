"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/field";

export type Direction = "outbound" | "inbound";

const HELP: Record<Direction, string> = {
  outbound:
    "Optional. If set — we authenticate to your PBX via Digest auth. If empty — IP-trust (your PBX trusts our IPs). Set both or leave both empty.",
  inbound:
    "Optional. If set — LiveKit requires Digest auth from your PBX on inbound calls. Most providers don't challenge inbound — leave empty. Set both or leave both empty.",
};

const TITLE: Record<Direction, string> = { outbound: "Outbound", inbound: "Inbound" };

/**
 * One direction's username and password with the product doc's labels and explanation. The
 * password control differs between create (a plain field) and edit (three states), so the
 * form renders it.
 */
export function CredentialGroup({
  direction,
  username,
  usernameError,
  password,
}: {
  direction: Direction;
  username: UseFormRegisterReturn;
  usernameError?: string;
  password: (label: string) => ReactNode;
}) {
  const prefix = `${TITLE[direction]} SIP`;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">{prefix} username/password</legend>
      <p className="text-xs text-slate-500">{HELP[direction]}</p>
      <TextField label={`${prefix} username`} autoComplete="off" error={usernameError} {...username} />
      {password(`${prefix} password`)}
    </fieldset>
  );
}
