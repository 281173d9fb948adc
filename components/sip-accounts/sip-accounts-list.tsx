"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { IMPORT_PARAM } from "./import-number-menu";
import { LastVerify } from "./last-verify";
import { PbxHealth } from "./pbx-health";
import { ProvisioningBadge } from "./provisioning-badge";
import { useSipAccounts } from "./use-sip-accounts";

/** The Space's Custom SIP accounts: one row each, its name opening the account's page. */
export function SipAccountsList({ spaceId }: { spaceId: string }) {
  const accounts = useSipAccounts(spaceId);
  if (accounts.isPending) return <p className="text-sm text-slate-500">Loading accounts…</p>;
  if (accounts.isError) return <p role="alert" className="text-sm text-red-700">{accounts.error.message}</p>;
  if (accounts.data.length === 0) {
    return (
      <EmptyState
        title="No Custom SIP accounts yet"
        body="A Custom SIP account describes your PBX or SIP trunk. Add one from Import number → From Custom SIP, then bind your numbers to it."
        action={
          // The header's Import number menu opens its drawer on this parameter, here on this page.
          <Link href={`/s/${spaceId}/sip-accounts?${IMPORT_PARAM}`} scroll={false} className={buttonClass("primary")}>
            Import number → From Custom SIP
          </Link>
        }
      />
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">SIP server</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Last Verify</th>
            <th className="px-4 py-2 font-medium">PBX</th>
            <th className="px-4 py-2 text-right font-medium">Numbers</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {accounts.data.map((account) => (
            <tr key={account.id} data-testid="sip-account-row" aria-label={account.accountName} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link href={`/s/${spaceId}/sip-accounts/${account.id}`} className="block max-w-48 truncate font-medium text-brand-700 hover:underline" title={account.accountName}>
                  {account.accountName}
                </Link>
              </td>
              <td className="px-4 py-2">
                {account.sipServerAddress ? (
                  <span className="block max-w-48 truncate font-mono text-xs" title={account.sipServerAddress}>{account.sipServerAddress}</span>
                ) : (
                  <span className="text-slate-400">Outbound off</span>
                )}
              </td>
              <td className="px-4 py-2"><ProvisioningBadge provisioning={account.provisioning} /></td>
              <td className="px-4 py-2"><LastVerify report={account.lastVerify} /></td>
              <td className="px-4 py-2" data-testid="pbx-health"><PbxHealth report={account.lastVerify} /></td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="numbers-count">{account.numbersCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
