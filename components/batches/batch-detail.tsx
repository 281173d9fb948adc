"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { formatDateTime } from "@/lib/format/date-time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { cancelBatchAction } from "@/lib/calls/batches/actions";
import type { BatchDetail } from "@/lib/calls/batches/repository";
import { BatchProgress, BatchStateBadge } from "./batch-progress";
import { batchKeys } from "@/lib/http/query-keys";
import { useBatch } from "./use-batches";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

export function BatchDetailView({ spaceId, initial, canManage }: { spaceId: string; initial: BatchDetail; canManage: boolean }) {
  const client = useQueryClient();
  // Cursors of the pages before this one, so Previous rows can go back without offsets.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const { data, error } = useBatch(spaceId, initial.id, cursor, cursor === undefined ? initial : undefined);
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: async () => {
      const result = await cancelBatchAction(spaceId, { batchId: initial.id });
      if (!result.ok) throw new Error(result.formError ?? "The batch could not be cancelled.");
    },
    onSettled: () => {
      setConfirming(false);
      return refetchAfterWrite(client, [batchKeys.all(spaceId)]);
    },
  });
  const batch = data ?? initial;
  return (
    <>
      <PageHeader
        title={batch.name}
        description={`From ${batch.from} · ${batch.agent ? `agent ${batch.agent.name}` : "the number's outbound agent"} · up to ${batch.maxConcurrency} at once · created ${formatDateTime(batch.createdAt)}`}
        actions={canManage && batch.state === "running" ? <Button variant="danger" onClick={() => setConfirming(true)}>Cancel batch</Button> : null}
      />
      <FormError message={cancel.error?.message ?? error?.message} />
      <section aria-label="Progress" className="mb-6 flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <BatchStateBadge state={batch.state} />
        <span>{batch.finished.toLocaleString("en")} of {batch.total.toLocaleString("en")} calls finished</span>
        <BatchProgress batch={batch} />
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" aria-label="Rows">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>{["Row", "To", "Status", "SIP", "Reason", "Call"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(data?.rows ?? []).map((r) => (
              <tr key={r.callId} data-testid="batch-call-row">
                <td className="px-3 py-2">{r.row}</td>
                <td className="px-3 py-2 font-mono">{r.to}</td>
                <td className="px-3 py-2"><CallStatusBadge status={r.status} /></td>
                <td className="px-3 py-2">{r.sipStatusCode ?? "—"}</td>
                <td className="px-3 py-2">{r.failureReason ?? "—"}</td>
                <td className="px-3 py-2"><Link className="text-blue-700 hover:underline" href={`/s/${spaceId}/calls/${r.callId}`}>Open</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex gap-2">
        {cursors.length > 1 ? <Button variant="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>Previous rows</Button> : null}
        {data?.nextCursor ? <Button variant="secondary" onClick={() => setCursors((c) => [...c, data.nextCursor ?? undefined])}>Next rows</Button> : null}
      </div>
      <ConfirmDialog open={confirming} title="Cancel this batch?" confirmLabel="Cancel queued calls" danger busy={cancel.isPending} onConfirm={() => cancel.mutate()} onCancel={() => setConfirming(false)}>
        <p>Every call of “{batch.name}” that has not been dialled yet is cancelled. Calls already dialling, ringing or in progress finish.</p>
      </ConfirmDialog>
    </>
  );
}
