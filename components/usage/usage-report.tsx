import type { UsageReport } from "@/lib/usage/schemas";
import { formatMinutes } from "@/lib/usage/format";

// A Space's usage as Settings → Usage and the Admin area show it: the period form, totals by
// direction, then by day and by number, and the CSV of the same rows.

const directionLabel = { inbound: "Inbound", outbound: "Outbound" } as const;

function FiguresTable({ caption, keyLabel, rows }: { caption: string; keyLabel: string; rows: { key: string; direction: "inbound" | "outbound"; calls: number; billableSeconds: number }[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-900">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>{[keyLabel, "Direction", "Calls", "Billable seconds", "Minutes"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr><td colSpan={5} className="px-3 py-3 text-slate-500">No calls in this period.</td></tr>
          ) : (
            rows.map((r) => (
              <tr key={`${r.key}-${r.direction}`}>
                <td className="px-3 py-2 font-mono">{r.key}</td>
                <td className="px-3 py-2">{directionLabel[r.direction]}</td>
                <td className="px-3 py-2 tabular-nums">{r.calls}</td>
                <td className="px-3 py-2 tabular-nums">{r.billableSeconds}</td>
                <td className="px-3 py-2 tabular-nums">{formatMinutes(r.billableSeconds)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function UsageReportView({ report, csvHref, formAction }: { report: UsageReport; csvHref: string; formAction: string }) {
  const { totals } = report;
  return (
    <div className="space-y-6">
      <form method="get" action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">From (UTC)</span>
          <input type="date" name="from" defaultValue={report.from} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">To (UTC)</span>
          <input type="date" name="to" defaultValue={report.to} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Show</button>
        <a href={csvHref} className="text-sm text-brand-600 hover:underline" download>Download CSV</a>
      </form>
      <dl className="grid gap-3 sm:grid-cols-4" aria-label="Totals">
        {([["Inbound", totals.inbound], ["Outbound", totals.outbound], ["All calls", totals.all]] as const).map(([label, f]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-xs uppercase text-slate-500">{label}</dt>
            <dd className="mt-1 text-sm" data-testid={`usage-total-${label.toLowerCase().replace(" ", "-")}`}>
              {f.calls} calls · {f.billableSeconds} s ({formatMinutes(f.billableSeconds)})
            </dd>
          </div>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase text-slate-500">This month</dt>
          <dd className="mt-1 text-sm" data-testid="usage-this-month">
            {formatMinutes(report.billableSecondsThisMonth)}
            {report.monthlyMinutesLimit !== null ? ` of ${report.monthlyMinutesLimit} min allowed` : " (no monthly limit)"}
          </dd>
        </div>
      </dl>
      <FiguresTable caption="By day" keyLabel="Day (UTC)" rows={report.byDay.map((d) => ({ ...d, key: d.day }))} />
      <FiguresTable caption="By number" keyLabel="Number" rows={report.byNumber.map((n) => ({ ...n, key: n.number }))} />
    </div>
  );
}
