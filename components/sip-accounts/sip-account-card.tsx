"use client";

import { PublicSipPanel } from "@/components/settings/public-sip-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import type { SipAccountView } from "@/lib/sip-accounts/view";
import { PbxSetupPanel } from "./pbx-setup-panel";
import { ReprovisionControl } from "./reprovision-dialog";
import { VerifyButton } from "./verify-button";
import { VerifyResults } from "./verify-results";

function ProvisioningBadge({ account }: { account: SipAccountView }) {
  if (account.provisioning.status === "provisioned") return <Badge tone="green">Provisioned</Badge>;
  if (account.provisioning.status === "pending") return <Badge tone="amber">Provisioning…</Badge>;
  return <Badge tone="red">Not provisioned</Badge>;
}

export function SipAccountCard({
  spaceId,
  account,
  platform,
  canManage,
  onEdit,
  onBind,
  onDelete,
  onReprovisioned,
}: {
  spaceId: string;
  onReprovisioned: (message: string, failed: boolean) => void;
  account: SipAccountView;
  platform: PublicSipParameters;
  canManage: boolean;
  onEdit: () => void;
  /** Starts binding a number to this account. */
  onBind: () => void;
  onDelete: () => void;
}) {
  const rows: [string, string][] = [
    ["SIP server address", account.sipServerAddress ?? "— (outbound disabled)"],
    ["SIP transport", account.sipTransport === "auto" ? "Auto" : account.sipTransport.toUpperCase()],
    ["Destination country", account.destinationCountry],
    ["Outbound limits", [account.maxConcurrentCalls === null ? null : `${account.maxConcurrentCalls} channels`, account.callsPerSecond === null ? null : `${account.callsPerSecond} calls/s`].filter(Boolean).join(", ") || "No limit"],
    ["Allowed inbound IPs", account.allowedInboundIps.join(", ") || "— (inbound auth only)"],
    ["Outbound auth", account.outboundUsername ? `Digest as ${account.outboundUsername}` : "IP-trust"],
    ["Inbound auth", account.inboundUsername ? `Digest as ${account.inboundUsername}` : "No challenge"],
  ];
  return (
    <article aria-label={account.accountName} data-testid="sip-account-card" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <header className="flex items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold">{account.accountName}</h3>
          <div className="mt-1"><ProvisioningBadge account={account} /></div>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          {canManage ? <Button onClick={onBind}>Bind a number</Button> : null}
          <VerifyButton spaceId={spaceId} accountId={account.id} onDone={(error) => onReprovisioned(error ?? "", error !== null)} />
          {canManage ? (
            <>
              <ReprovisionControl spaceId={spaceId} accountId={account.id} onDone={onReprovisioned} />
              <Button variant="secondary" onClick={onEdit}>Edit</Button>
              <Button variant="secondary" className="text-red-700" onClick={onDelete}>Delete</Button>
            </>
          ) : null}
        </div>
      </header>
      {account.provisioning.status === "not_provisioned" && account.provisioning.reason ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{account.provisioning.reason}</p>
      ) : null}
      <dl className="grid grid-cols-1 sm:grid-cols-[11rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {account.lastVerify ? <VerifyResults report={account.lastVerify} /> : null}
      <PublicSipPanel params={platform} />
      <PbxSetupPanel account={account} platform={platform} />
    </article>
  );
}
