"use client";

import Link from "next/link";
import { formatDateTime } from "@/lib/format/date-time";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { BatchView } from "@/lib/calls/batches/repository";
import { BatchProgress, BatchStateBadge } from "./batch-progress";
import { useBatches } from "./use-batches";

export function BatchesList({ spaceId, initial, canStart }: { spaceId: string; initial: BatchView[]; canStart: boolean }) {
  const { data: batches, error } = useBatches(spaceId, initial);
  if (batches.length === 0) {
    return (
      <EmptyState
        title="No batches yet"
        body="A batch is a CSV file of numbers, one call each."
        action={canStart ? <Link href={`/s/${spaceId}/batches/new`} className={buttonClass("primary")}>Start a batch</Link> : undefined}
      />
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {error ? <p role="alert" className="px-3 py-2 text-sm text-red-700">{error.message}</p> : null}
      <table className="min-w-full text-sm" aria-label="Batches">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>{["Name", "From", "Created", "Calls", "Progress", "State"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {batches.map((b) => (
            <tr key={b.id} data-testid="batch-row">
              <td className="px-3 py-2"><Link className="text-blue-700 hover:underline" href={`/s/${spaceId}/batches/${b.id}`}>{b.name}</Link></td>
              <td className="px-3 py-2 font-mono">{b.from}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(b.createdAt)}</td>
              <td className="px-3 py-2">{b.total.toLocaleString("en")}</td>
              <td className="px-3 py-2"><BatchProgress batch={b} /></td>
              <td className="px-3 py-2"><BatchStateBadge state={b.state} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
