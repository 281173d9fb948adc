"use client";

import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/date-time";
import { VERIFY_TRIGGER_LABELS } from "@/lib/sip-accounts/verify-run-view";
import { useVerifyRuns } from "./use-sip-accounts";

/** The account's last Verify runs, newest first: when, what ran it, the result and which checks failed. */
export function VerifyHistory({ spaceId, accountId }: { spaceId: string; accountId: string }) {
  const runs = useVerifyRuns(spaceId, accountId);
  if (runs.isPending) return <p className="text-sm text-slate-500">Loading the Verify history…</p>;
  if (runs.isError) return <p role="alert" className="text-sm text-red-700">{runs.error.message}</p>;
  if (runs.data.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 id="verify-history" className="text-sm font-semibold text-slate-900">History</h3>
      <div className="overflow-x-auto">
        <table aria-labelledby="verify-history" className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">When</th>
              <th className="py-1 pr-3 font-medium">Result</th>
              <th className="py-1 pr-3 font-medium">Failed checks</th>
              <th className="py-1 font-medium">Run by</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.data.map((run) => (
              <tr key={run.id} data-testid="verify-run">
                <td className="whitespace-nowrap py-1.5 pr-3 text-slate-600"><time dateTime={run.ranAt}>{formatDateTime(run.ranAt)}</time></td>
                <td className="py-1.5 pr-3">{run.ok ? <Badge tone="green">OK</Badge> : <Badge tone="red">Failed</Badge>}</td>
                <td className="py-1.5 pr-3 text-slate-800" data-testid="verify-run-failed">
                  {run.failedChecks.length === 0 ? "—" : run.failedChecks.map((c) => <span key={c.name} className="block" title={c.reason}>{c.name}</span>)}
                </td>
                <td className="py-1.5 text-slate-600">
                  {VERIFY_TRIGGER_LABELS[run.trigger]}
                  {run.triggeredBy ? <span className="block text-xs text-slate-500">{run.triggeredBy}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
