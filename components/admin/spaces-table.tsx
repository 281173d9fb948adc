import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SpaceOverview } from "@/lib/admin/spaces";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMinutes } from "@/lib/usage/format";
import { SuspendSpaceButton } from "./suspend-space-button";

const columns = ["Space", "Owners", "Members", "SIP accounts", "Numbers", "Calls this month", "Minutes this month", "Status", ""];

/** Admin → Spaces: every Space of the deployment, what it holds and uses, and suspend / resume. */
export function SpacesTable({ spaces }: { spaces: SpaceOverview[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Spaces of this deployment</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>{columns.map((h, i) => <th key={i} className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {spaces.map((s) => (
            <tr key={s.id} data-testid="admin-space-row" className="align-top">
              <td className="px-3 py-2">
                <Link className="font-medium text-brand-700 hover:underline" href={`/admin/spaces/${s.id}`}>{s.name}</Link>
                <p className="text-xs text-slate-500">Created {formatDateTime(s.createdAt)}</p>
              </td>
              <td className="px-3 py-2">{s.owners.join(", ") || "—"}</td>
              <td className="px-3 py-2 tabular-nums">{s.members}</td>
              <td className="px-3 py-2 tabular-nums">{s.sipAccounts}</td>
              <td className="px-3 py-2 tabular-nums">{s.phoneNumbers}</td>
              <td className="px-3 py-2 tabular-nums">{s.callsThisMonth}</td>
              <td className="px-3 py-2 tabular-nums">
                {formatMinutes(s.billableSecondsThisMonth)}
                {s.monthlyMinutesLimit !== null ? <span className="text-xs text-slate-500"> of {s.monthlyMinutesLimit} min</span> : null}
              </td>
              <td className="px-3 py-2">{s.suspendedAt ? <Badge tone="red">Suspended</Badge> : <Badge tone="green">Active</Badge>}</td>
              <td className="px-3 py-2">
                <SuspendSpaceButton spaceId={s.id} spaceName={s.name} suspended={s.suspendedAt !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
