import Link from "next/link";
import { RefusalFixButton } from "@/components/calls/refusal-fix-button";
import { formatDateTime } from "@/lib/format/date-time";
import type { RefusedCallView } from "@/lib/edge/refused-calls";

// Inbound calls refused before reaching an agent: when, who called which number from where,
// the cause in plain words and the fix (a button for what the console can do, else a link).

const columns = ["Refused at", "From", "To", "Source address", "Account", "Cause", "Fix"];

function FixCell({ spaceId, call, canManage }: { spaceId: string; call: RefusedCallView; canManage: boolean }) {
  const fix = call.fix;
  if (!fix) return <span className="text-slate-500">—</span>;
  if ((fix.kind === "allow_address" || fix.kind === "bind_number") && canManage) {
    return <RefusalFixButton spaceId={spaceId} refusedCallId={call.id} fix={fix} />;
  }
  // Nothing in the Space can lift a suspension: the words alone.
  if (fix.kind === "ask_administrator") return <span className="text-slate-700">{fix.label}</span>;
  return (
    <Link className="text-blue-700 hover:underline" href={`/s/${spaceId}/phone-numbers`}>
      {fix.label}
    </Link>
  );
}

export function RefusedCallsTable({ spaceId, calls, canManage }: { spaceId: string; calls: RefusedCallView[]; canManage: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Refused inbound calls</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>{columns.map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {calls.map((c) => (
            <tr key={c.id} data-testid="refused-call-row" className="align-top">
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(c.refusedAt)}</td>
              <td className="px-3 py-2 font-mono">{c.from || "—"}</td>
              <td className="px-3 py-2 font-mono">{c.calledNumber}</td>
              <td className="px-3 py-2 font-mono">{c.sourceAddress} <span className="text-xs text-slate-500">({c.transport.toUpperCase()})</span></td>
              <td className="px-3 py-2">{c.accountName ?? "—"}</td>
              <td className="max-w-md px-3 py-2">
                <span className="font-medium">SIP {c.sipStatusCode}</span> {c.explanation}
              </td>
              <td className="px-3 py-2"><FixCell spaceId={spaceId} call={c} canManage={canManage} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
