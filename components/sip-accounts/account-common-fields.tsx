"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { IpMode } from "@/lib/net/ipv4";
import { transportPortWarning, type SipTransport } from "@/lib/sip-accounts/schemas";
import { CountryField } from "./country-field";
import { OutboundPolicyFields } from "./outbound-policy-fields";
import { IpChips } from "./ip-chips";

const TRANSPORTS = [
  { value: "auto", label: "Auto" },
  { value: "udp", label: "UDP" },
  { value: "tcp", label: "TCP" },
  { value: "tls", label: "TLS" },
] as const;
const TRANSPORT_HELP = "Transport protocol: Auto / UDP / TCP / TLS. Auto lets LiveKit pick.";

/** The fields the create and edit forms share, with the product doc's labels and help texts. */
export type CommonAccountFields = {
  accountName: string;
  sipServerAddress: string;
  sipTransport?: SipTransport;
  destinationCountry: string;
  allowedInboundIps: string;
  outboundUsername: string;
  inboundUsername: string;
  maxConcurrentCalls?: string;
  callsPerSecond?: string;
  allowedDestinationCountries?: string;
  allowSpecialNumbers?: boolean;
  passHeaders?: string;
};

export function AccountIdentityFields({
  register,
  errors,
  values,
  ipMode,
}: {
  register: UseFormRegister<CommonAccountFields>;
  errors: FieldErrors<CommonAccountFields>;
  values: Pick<CommonAccountFields, "sipServerAddress" | "sipTransport" | "allowedInboundIps">;
  ipMode: IpMode;
}) {
  const outboundDisabled = values.sipServerAddress.trim() === "";
  const warning = transportPortWarning(values.sipServerAddress.trim(), values.sipTransport ?? "auto");
  return (
    <>
      <TextField label="Account name" placeholder="Mango Office" help="Any human-readable name." error={errors.accountName?.message} {...register("accountName")} />
      <TextField
        label="SIP server address"
        placeholder="vpbx400312852.mangosip.ru"
        help={
          outboundDisabled
            ? "host[:port] of your PBX's SIP server (for our outbound calls). Empty = outbound disabled: no outbound trunk is created."
            : "host[:port] of your PBX's SIP server (for our outbound calls). Empty = outbound disabled."
        }
        error={errors.sipServerAddress?.message}
        {...register("sipServerAddress")}
      />
      {outboundDisabled ? (
        <p data-testid="outbound-disabled" className="-mt-2 text-xs font-medium text-amber-700">Outbound calls are disabled for this account.</p>
      ) : null}
      <SelectField id="sip-transport" label="SIP transport" options={TRANSPORTS} help={TRANSPORT_HELP} error={errors.sipTransport?.message} {...register("sipTransport")} />
      {warning ? <p role="status" data-testid="transport-warning" className="-mt-2 text-xs text-amber-700">{warning}</p> : null}
      <CountryField error={errors.destinationCountry?.message} {...register("destinationCountry")} />
      <div>
        <TextField
          label="Allowed inbound IPs"
          placeholder="1.2.3.4, 10.0.0.0/24"
          help="Comma-separated list of IPv4 / IPv4 CIDR — the PBX IPs from which LiveKit will accept INVITE."
          error={errors.allowedInboundIps?.message}
          {...register("allowedInboundIps")}
        />
        <IpChips raw={values.allowedInboundIps} mode={ipMode} />
      </div>
      <TextField
        label="SIP headers passed to the agent"
        placeholder="X-Customer-Id, X-Campaign"
        help="X- headers of your PBX's INVITE, comma-separated (at most 10). Each is a {{variable}} of the agent's greeting and instructions under its own name, e.g. {{X-Customer-Id}}."
        error={errors.passHeaders?.message}
        {...register("passHeaders")}
      />
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Outbound limits</legend>
        <TextField
          label="Max concurrent calls"
          inputMode="numeric"
          placeholder="No limit"
          help="Your trunk's channels. Calls over it wait in the queue; inbound calls count too."
          error={errors.maxConcurrentCalls?.message}
          {...register("maxConcurrentCalls")}
        />
        <TextField
          label="Calls per second"
          inputMode="decimal"
          placeholder="No limit"
          help="New outbound calls per second your trunk accepts (0.5 = one every 2 s)."
          error={errors.callsPerSecond?.message}
          {...register("callsPerSecond")}
        />
      </fieldset>
      <OutboundPolicyFields
        countries={register("allowedDestinationCountries")}
        countriesError={errors.allowedDestinationCountries?.message}
        special={register("allowSpecialNumbers")}
      />
    </>
  );
}
