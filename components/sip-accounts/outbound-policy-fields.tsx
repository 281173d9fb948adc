"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/field";

/** Where the account's outbound calls may go (lib/calls/policy/destination.ts). */
export function OutboundPolicyFields({ countries, countriesError, special }: { countries: UseFormRegisterReturn; countriesError?: string; special: UseFormRegisterReturn }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">Outbound call policy</legend>
      <TextField
        label="Allowed destination countries"
        placeholder="Destination country only"
        help="Comma-separated ISO codes (DE, AT). Empty: calls may go to the destination country only; calls elsewhere are refused."
        error={countriesError}
        {...countries}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" aria-describedby="allow-special-help" {...special} />
        <span className="font-medium">Allow premium-rate and other special numbers</span>
      </label>
      <p id="allow-special-help" className="-mt-2 text-xs text-slate-500">
        Off: premium-rate, shared-cost, personal, pager, UAN and voicemail numbers are refused.
      </p>
    </fieldset>
  );
}
