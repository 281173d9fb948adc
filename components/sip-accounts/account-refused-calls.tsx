"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RefusedCallsTable } from "@/components/calls/refused-calls-table";
import { getJson } from "@/lib/http/get-json";
import { sipAccountKeys } from "@/lib/http/query-keys";
import type { RefusedCallView } from "@/lib/edge/refused-calls";

/** The account's latest refused inbound calls with their fixes, refreshed while the page is open. */
export function AccountRefusedCalls({ spaceId, accountId, canManage }: { spaceId: string; accountId: string; canManage: boolean }) {
  const refused = useQuery({
    queryKey: sipAccountKeys.refusedCalls(spaceId, accountId),
    queryFn: async () => (await getJson<{ items: RefusedCallView[] }>(`/api/v1/spaces/${spaceId}/refused-calls?accountId=${encodeURIComponent(accountId)}&limit=20`, "the refused calls")).items,
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="account-refused" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="account-refused" className="text-base font-semibold">Refused calls</h2>
        <Link className="text-sm text-brand-700 hover:underline" href={`/s/${spaceId}/calls?status=refused&accountId=${encodeURIComponent(accountId)}`}>All refused calls</Link>
      </div>
      {refused.isError ? <p role="alert" className="text-sm text-red-700">{refused.error.message}</p> : null}
      {refused.data && refused.data.length === 0 ? (
        <p className="text-sm text-slate-600">None. INVITEs your PBX sends for an unbound number, from an address not allowed, or with a wrong password would show here with their fix.</p>
      ) : null}
      {refused.data && refused.data.length > 0 ? <RefusedCallsTable spaceId={spaceId} calls={refused.data} canManage={canManage} /> : null}
    </section>
  );
}
