import Link from "next/link";
import { AutoRefresh } from "@/components/calls/auto-refresh";
import { CallStatusBadge, formatDuration, formatTime } from "@/components/calls/call-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";
import { listCallsQuery } from "@/lib/calls/schemas";
import { callFilterOptions, listCalls } from "@/lib/calls/service";
import { callStatuses, finalStatuses } from "@/lib/calls/status";

type Search = Record<string, string | string[] | undefined>;

export default async function CallsPage({ params, searchParams }: { params: Promise<{ spaceId: string }>; searchParams: Promise<Search> }) {
  const { spaceId } = await params;
  const ctx = await requireSpace(spaceId);
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([k, v]) => ["accountId", "phoneNumberId", "status"].includes(k) && typeof v === "string" && v !== ""));
  const parsed = listCallsQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const [calls, { accounts, numbers }] = await Promise.all([listCalls(ctx, filters), callFilterOptions(ctx)]);
  const sel = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <>
      <PageHeader title="Calls" description="Inbound and outbound calls handled by your agents." />
      <AutoRefresh active={calls.some((c) => !finalStatuses.has(c.status))} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter calls">
        <label className="text-sm text-slate-700">
          Account{" "}
          <select name="accountId" defaultValue={filters.accountId ?? ""} className={sel}>
            <option value="">All accounts</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Number{" "}
          <select name="phoneNumberId" defaultValue={filters.phoneNumberId ?? ""} className={sel}>
            <option value="">All numbers</option>
            {numbers.map((n) => <option key={n.id} value={n.id}>{n.e164}</option>)}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Status{" "}
          <select name="status" defaultValue={filters.status ?? ""} className={sel}>
            <option value="">All statuses</option>
            {callStatuses.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">Filter</button>
      </form>
      {calls.length === 0 ? (
        <EmptyState title="No calls yet" body="Calls appear here once a number with an agent receives or places one." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>{["Direction", "From", "To", "Number", "Account", "Agent", "Status", "SIP", "Started", "Duration"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {calls.map((c) => (
                <tr key={c.id} data-testid="call-row">
                  <td className="px-3 py-2"><Link className="text-blue-700 hover:underline" href={`/s/${spaceId}/calls/${c.id}`}>{c.direction === "inbound" ? "Inbound" : "Outbound"}</Link></td>
                  <td className="px-3 py-2 font-mono">{c.from}</td>
                  <td className="px-3 py-2 font-mono">{c.to}</td>
                  <td className="px-3 py-2 font-mono">{c.phoneNumber?.number ?? "—"}</td>
                  <td className="px-3 py-2">{c.account?.name ?? "—"}</td>
                  <td className="px-3 py-2">{c.agent?.name ?? "Default"}</td>
                  <td className="px-3 py-2"><CallStatusBadge status={c.status} /></td>
                  <td className="px-3 py-2">{c.sipStatusCode ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatTime(c.startedAt ?? c.createdAt)}</td>
                  <td className="px-3 py-2">{formatDuration(c.durationSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
