import type { PublicSipParameters } from "@/lib/platform/public-sip";
import type { SipAccountView } from "@/lib/sip-accounts/view";

/** "Configure your PBX": the three things the PBX admin must do, from this account's values. */
export function PbxSetupPanel({ account, platform }: { account: SipAccountView; platform: PublicSipParameters }) {
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Configure your PBX</summary>
      <ol className="mt-3 list-decimal space-y-3 pl-5 text-slate-700">
        <li>
          <strong>Route inbound calls to us.</strong> Point the PBX&apos;s outbound route / SIP trunk at{" "}
          <code className="rounded bg-white px-1">sip:{platform.domain}</code>
          {account.sipTransport !== "auto" ? <> over {account.sipTransport.toUpperCase()}</> : null}
          {account.allowedInboundIps.length > 0 ? (
            <>, sending from {account.allowedInboundIps.join(", ")} (LiveKit accepts INVITEs only from these)</>
          ) : null}
          .
          {account.inboundUsername ? (
            <> Authenticate with username <code className="rounded bg-white px-1">{account.inboundUsername}</code> and the inbound password you set here.</>
          ) : null}
        </li>
        <li>
          <strong>Whitelist our IPs.</strong>{" "}
          {account.sipServerAddress ? (
            <>Let {platform.ips.join(", ")} reach {account.sipServerAddress} through the PBX&apos;s firewall, or our outbound calls are dropped.</>
          ) : (
            <>Not needed yet: outbound calls are disabled until you set a SIP server address.</>
          )}
        </li>
        <li>
          <strong>Credentials on the PBX.</strong>{" "}
          {account.sipServerAddress && account.outboundUsername ? (
            <>Create a SIP account <code className="rounded bg-white px-1">{account.outboundUsername}</code> with the outbound password you set here; we answer its Digest challenge.</>
          ) : account.sipServerAddress ? (
            <>None: IP-trust mode. The PBX trusts our IPs without a username/password.</>
          ) : (
            <>None while outbound is disabled.</>
          )}
        </li>
      </ol>
      <p className="mt-3 text-xs text-slate-500">Our public side: domain {platform.domain}; our SIP server IPs {platform.ips.join(", ")}.</p>
    </details>
  );
}
