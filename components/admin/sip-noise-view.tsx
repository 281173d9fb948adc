import type { SipNoise } from "@/lib/admin/sip-noise";
import { formatDateTime } from "@/lib/format/date-time";

const columns = ["Refused", "Called", "From", "Source address", "Why"];

/** Admin → SIP noise: counts, the busiest sources, and the latest unattributed refusals. */
export function SipNoiseView({ noise }: { noise: SipNoise }) {
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure label="Last 24 hours" value={noise.lastDay.toLocaleString("en")} testId="noise-last-day" />
        <Figure label="Kept" value={`${noise.kept.toLocaleString("en")} of at most ${noise.cap.toLocaleString("en")}`} testId="noise-kept" />
        <Figure label="Busiest sources" value={noise.topSources.map((s) => `${s.sourceAddress} (${s.count})`).join(", ") || "—"} testId="noise-sources" />
      </dl>
      {noise.latest.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No noise: every INVITE the edge refused so far concerned an account, and its Space sees it.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Latest refused INVITEs that match no account</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>{columns.map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {noise.latest.map((r) => (
                <tr key={r.id} data-testid="noise-row" className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.refusedAt)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.calledNumber}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.from || "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.sourceAddress} ({r.transport.toUpperCase()})</td>
                  <td className="px-3 py-2 text-slate-700">{r.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="mt-1 break-words text-base font-semibold text-slate-900" data-testid={testId}>{value}</dd>
    </div>
  );
}
