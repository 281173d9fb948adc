"use client";

import type { ReactNode } from "react";

/** Groups one direction's username and password with the product doc's explanation. */
export function CredentialGroup({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">{title}</legend>
      <p className="text-xs text-slate-500">{help}</p>
      {children}
    </fieldset>
  );
}

export const OUTBOUND_HELP =
  "Optional. If set — we authenticate to your PBX via Digest auth. If empty — IP-trust (your PBX trusts our IPs). Set both or leave both empty.";
export const INBOUND_HELP =
  "Optional. If set — LiveKit requires Digest auth from your PBX on inbound calls. Most providers don't challenge inbound — leave empty. Set both or leave both empty.";
