import Link from "next/link";
import { CallStatusBadge, formatDuration } from "@/components/calls/call-status-badge";
import { formatDateTime } from "@/lib/format/date-time";
import type { CallView } from "@/lib/calls/repository";

const columns = ["Direction", "From", "To", "Number", "Account", "Agent", "Status", "SIP", "Started", "Duration"];

export function CallsTable({ spaceId, calls }: { spaceId: string; calls: CallView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>{columns.map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {calls.map((c) => (
            <tr key={c.id} data-testid="call-row">
              <td className="px-3 py-2"><Link className="text-blue-700 hover:underline" href={`/s/${spaceId}/calls/${c.id}`}>{c.direction === "inbound" ? "Inbound" : "Outbound"}</Link></td>
              <td className="px-3 py-2 font-mono">{c.from}</td>
              <td className="px-3 py-2 font-mono">{c.to}</td>
              <td className="px-3 py-2 font-mono">{c.phoneNumber?.number ?? "—"}</td>
              <td className="px-3 py-2">{c.account?.name ?? "—"}</td>
              <td className="px-3 py-2">{c.agent?.name ?? "The built-in default agent"}</td>
              <td className="px-3 py-2"><CallStatusBadge status={c.status} /></td>
              <td className="px-3 py-2">{c.sipStatusCode ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(c.startedAt ?? c.createdAt)}</td>
              <td className="px-3 py-2">{formatDuration(c.durationSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
