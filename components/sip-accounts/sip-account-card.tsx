"use client";

import Link from "next/link";
import { PublicSipPanel } from "@/components/settings/public-sip-panel";
import { Button } from "@/components/ui/button";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import type { SipAccountView } from "@/lib/sip-accounts/view";
import { AccountSummary } from "./account-summary";
import { PbxSetupPanel } from "./pbx-setup-panel";
import { ProvisioningBadge } from "./provisioning-badge";
import { ReprovisionControl } from "./reprovision-dialog";
import { VerifyButton } from "./verify-button";
import { VerifyResults } from "./verify-results";

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
  return (
    <article aria-label={account.accountName} data-testid="sip-account-card" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <header className="flex items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold">
            {/* Its page holds the numbers, the PBX config and the danger zone. */}
            <Link href={`/s/${spaceId}/sip-accounts/${account.id}`} className="break-words text-slate-900 hover:text-brand-700 hover:underline">
              {account.accountName}
            </Link>
          </h3>
          <div className="mt-1"><ProvisioningBadge provisioning={account.provisioning} /></div>
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
      <AccountSummary account={account} />
      {account.lastVerify ? <VerifyResults report={account.lastVerify} /> : null}
      <PublicSipPanel params={platform} />
      <PbxSetupPanel account={account} platform={platform} />
    </article>
  );
}
