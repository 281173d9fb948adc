"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAccountPhoneNumbers } from "@/components/phone-numbers/use-phone-numbers";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import { PublicSipPanel } from "@/components/settings/public-sip-panel";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import type { SipAccountView } from "@/lib/sip-accounts/view";
import { AccountNumbers } from "./account-numbers";
import { AccountRefusedCalls } from "./account-refused-calls";
import { AccountSummary } from "./account-summary";
import { DeleteSipAccountDialog } from "./delete-sip-account-dialog";
import { HostOwnershipPanel } from "./host-ownership-panel";
import { PbxConfigPanel } from "./pbx-config-panel";
import { ProvisioningBadge } from "./provisioning-badge";
import { SelfTestPanel } from "./self-test-panel";
import { useInvalidateSipAccounts, useSipAccount } from "./use-sip-accounts";
import { VerifyButton } from "./verify-button";
import { VerifyHistory } from "./verify-history";
import { VerifyResults } from "./verify-results";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

const card = "space-y-4 rounded-lg border border-slate-200 bg-white p-5";

/** One Custom SIP account: its settings, numbers, last Verify and its history, PBX config and danger zone. */
export function AccountPage({ spaceId, initial, platform, canManage, isOwner }: { spaceId: string; initial: SipAccountView; platform: PublicSipParameters; canManage: boolean; isOwner: boolean }) {
  const query = useSipAccount(spaceId, initial.id, initial);
  const account = query.data ?? initial;
  const numbers = useAccountPhoneNumbers(spaceId, account.id);
  const invalidate = useInvalidateSipAccounts(spaceId);
  const client = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const listHref = `/s/${spaceId}/sip-accounts`;

  return (
    <div className="space-y-6">
      <Link href={listHref} className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> SIP accounts
      </Link>
      <PageHeader title={account.accountName} actions={<ProvisioningBadge provisioning={account.provisioning} />} />
      {account.provisioning.status === "not_provisioned" && account.provisioning.reason ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{account.provisioning.reason}</p>
      ) : null}

      <section aria-labelledby="account-settings" className={card}>
        <h2 id="account-settings" className="text-base font-semibold">Settings</h2>
        <AccountSummary account={account} />
        <PublicSipPanel params={platform} />
      </section>

      <div className={card}>
        <AccountNumbers spaceId={spaceId} accountId={account.id} canManage={canManage} />
      </div>

      <HostOwnershipPanel spaceId={spaceId} accountId={account.id} canApprove={isOwner} />

      <div className={card}>
        <AccountRefusedCalls spaceId={spaceId} accountId={account.id} canManage={canManage} />
      </div>

      <section aria-labelledby="account-verify" className={card}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="account-verify" className="text-base font-semibold">Verify</h2>
          <VerifyButton
            spaceId={spaceId}
            accountId={account.id}
            onDone={(error, report) => {
              if (error) toast(error, "error");
              else toast(report?.ok ? `${account.accountName}: all checks passed.` : `${account.accountName}: some checks failed. See the reasons under Verify.`, report?.ok ? "ok" : "error");
            }}
          />
        </div>
        {account.lastVerify ? (
          <VerifyResults report={account.lastVerify} />
        ) : (
          <p className="text-sm text-slate-600">Never verified. Verify checks the account&apos;s config, its two LiveKit trunks and its numbers.</p>
        )}
        <VerifyHistory spaceId={spaceId} accountId={account.id} />
      </section>

      <SelfTestPanel spaceId={spaceId} accountId={account.id} numbers={numbers.data?.items.map((n) => n.number) ?? []} canRun={canManage} />

      <div className={card}>
        {/* The dialplan names the bound numbers: wait for them rather than show a config that changes. */}
        {numbers.isPending ? (
          <p className="text-sm text-slate-500">Loading the PBX config…</p>
        ) : (
          <PbxConfigPanel input={{ account, platform, numbers: numbers.data?.items.map((n) => n.number) ?? [] }} />
        )}
      </div>

      {canManage ? (
        <section aria-labelledby="danger-zone" className="space-y-3 rounded-lg border border-red-200 bg-white p-5">
          <h2 id="danger-zone" className="text-base font-semibold text-red-800">Danger zone</h2>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="min-w-0 max-w-prose text-sm text-slate-700">
              Deleting the account removes its numbers and its LiveKit trunks. Your PBX&apos;s routing to our gateway stays until you remove it.
            </p>
            <Button variant="danger" onClick={() => setDeleting(true)}>Delete</Button>
          </div>
        </section>
      ) : null}
      <DeleteSipAccountDialog
        spaceId={spaceId}
        account={deleting ? account : null}
        onCancel={() => setDeleting(false)}
        onDeleted={(name) => {
          // The page is gone: leave before anything refetches the deleted account.
          client.removeQueries({ queryKey: sipAccountKeys.detail(spaceId, account.id) });
          client.removeQueries({ queryKey: phoneNumberKeys.account(spaceId, account.id) });
          router.push(listHref);
          void invalidate();
          void refetchAfterWrite(client, [phoneNumberKeys.all(spaceId)]);
          toast(`${name} was deleted. Remember to remove the routing to our gateway on your PBX.`);
        }}
      />
    </div>
  );
}
