"use client";

import Link from "next/link";
import { NumberStatusBadge } from "@/components/phone-numbers/number-status-badge";
import { ACCOUNT_NUMBERS_SHOWN, useAccountPhoneNumbers } from "@/components/phone-numbers/use-phone-numbers";
import { buttonClass } from "@/components/ui/button";
import { IMPORT_PARAM } from "./import-number-menu";

/** The numbers bound to one account; binding and each number's card stay on Phone Numbers. */
export function AccountNumbers({ spaceId, accountId, canManage }: { spaceId: string; accountId: string; canManage: boolean }) {
  const numbers = useAccountPhoneNumbers(spaceId, accountId);
  const bind = canManage ? (
    <Link href={`/s/${spaceId}/phone-numbers?${IMPORT_PARAM}`} className={buttonClass("secondary")}>
      Bind a number
    </Link>
  ) : null;
  return (
    <section aria-labelledby="account-numbers" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="account-numbers" className="text-base font-semibold">
          Numbers{numbers.data ? <span className="ml-2 text-sm font-normal text-slate-500">{numbers.data.total}</span> : null}
        </h2>
        {bind}
      </div>
      {numbers.isPending ? <p className="text-sm text-slate-500">Loading numbers…</p> : null}
      {numbers.isError ? <p role="alert" className="text-sm text-red-700">{numbers.error.message}</p> : null}
      {numbers.data?.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No numbers are bound to this account yet. Bind one from Phone Numbers → Import number → From Custom SIP.
        </p>
      ) : null}
      {numbers.data && numbers.data.total > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">Number</th>
                <th className="px-4 py-2 font-medium">Label</th>
                <th className="px-4 py-2 font-medium">Inbound agent</th>
                <th className="px-4 py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {numbers.data.items.map((n) => (
                <tr key={n.id} data-testid="account-number-row" aria-label={n.number}>
                  <td className="whitespace-nowrap px-4 py-2 font-mono">{n.number}</td>
                  <td className="px-4 py-2">{n.label ? <span className="block max-w-48 truncate" title={n.label}>{n.label}</span> : <span className="text-slate-400">—</span>}</td>
                  <td className="px-4 py-2">
                    {n.inboundAgent ? <span className="block max-w-48 truncate" title={n.inboundAgent.name}>{n.inboundAgent.name}</span> : <span className="text-slate-500">The built-in default agent</span>}
                  </td>
                  <td className="px-4 py-2"><NumberStatusBadge provisioning={n.provisioning} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {numbers.data && numbers.data.total > ACCOUNT_NUMBERS_SHOWN ? (
        <p className="text-sm text-slate-600">
          Showing the first {ACCOUNT_NUMBERS_SHOWN} of {numbers.data.total}. <Link href={`/s/${spaceId}/phone-numbers`} className="text-brand-700 hover:underline">All numbers</Link>
        </p>
      ) : null}
    </section>
  );
}
