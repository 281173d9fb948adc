import { CopyButton } from "@/components/ui/copy-button";
import type { PublicSipParameters } from "@/lib/platform/public-sip";

/** The platform's public SIP side, as the PBX admin needs it. Reused on every account card. */
export function PublicSipPanel({ params }: { params: PublicSipParameters }) {
  return (
    <dl className="grid grid-cols-1 sm:grid-cols-[12rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm">
      <dt className="font-medium text-slate-700">Domain</dt>
      <dd className="flex min-w-0 items-center gap-2">
        <code data-testid="sip-domain" title={params.domain} className="min-w-0 truncate rounded bg-slate-100 px-1.5 py-0.5">{params.domain}</code>
        <CopyButton value={params.domain} label="Domain" />
      </dd>
      <dt className="font-medium text-slate-700">Our SIP server IPs</dt>
      <dd className="flex flex-wrap items-center gap-2">
        {params.ips.map((ip) => (
          <code key={ip} data-testid="sip-ip" className="rounded bg-slate-100 px-1.5 py-0.5">{ip}</code>
        ))}
        <CopyButton value={params.ips.join(", ")} label="Our SIP server IPs" />
      </dd>
    </dl>
  );
}
