import type { SipAccountView } from "@/lib/sip-accounts/view";

/** The account's settings as label/value rows, the same on the drawer's card and the account page. */
export function accountRows(account: SipAccountView): [string, string][] {
  return [
    ["SIP server address", account.sipServerAddress ?? "— (outbound disabled)"],
    ["SIP transport", account.sipTransport === "auto" ? "Auto" : account.sipTransport.toUpperCase()],
    ["Destination country", account.destinationCountry],
    ["Outbound limits", [account.maxConcurrentCalls === null ? null : `${account.maxConcurrentCalls} channels`, account.callsPerSecond === null ? null : `${account.callsPerSecond} calls/s`].filter(Boolean).join(", ") || "No limit"],
    ["Allowed inbound IPs", account.allowedInboundIps.join(", ") || "— (inbound auth only)"],
    ["Outbound auth", account.outboundUsername ? `Digest as ${account.outboundUsername}` : "IP-trust"],
    ["Inbound auth", account.inboundUsername ? `Digest as ${account.inboundUsername}` : "No challenge"],
  ];
}

export function AccountSummary({ account }: { account: SipAccountView }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[11rem_minmax(0,1fr)]">
      {accountRows(account).map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
