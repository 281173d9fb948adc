"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/lib/format/date-time";
import { redeliverWebhookAction } from "@/lib/webhooks/actions";
import type { WebhookDeliveryView } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/http/query-keys";
import { useWebhookDeliveries } from "./use-webhooks";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

const tone = { delivered: "green", failed: "red", pending: "amber" } as const;

function Outcome({ d }: { d: WebhookDeliveryView }) {
  if (d.status === "pending" && d.attempts === 0) return <span className="text-slate-500">Waiting to be sent</span>;
  return (
    <span>
      {d.statusCode ?? "No response"}
      {d.latencyMs !== null ? <span className="text-slate-500"> · {d.latencyMs} ms</span> : null}
      {d.status === "pending" && d.nextAttemptAt ? <span className="block text-xs text-slate-500">Next try {formatDateTime(d.nextAttemptAt)}</span> : null}
    </span>
  );
}

export function DeliveryLog({ spaceId, endpointId, canManage }: { spaceId: string; endpointId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const deliveries = useWebhookDeliveries(spaceId, endpointId);
  const [error, setError] = useState<string | null>(null);

  async function redeliver(d: WebhookDeliveryView) {
    const result = await redeliverWebhookAction(spaceId, { endpointId, deliveryId: d.id });
    setError(result.ok ? null : (result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? "The event could not be queued again."));
    await refetchAfterWrite(queryClient, [webhookKeys.deliveries(spaceId, endpointId)]);
  }

  if (deliveries.isPending) return <p className="px-4 py-3 text-sm text-slate-500">Loading deliveries…</p>;
  if (deliveries.isError) return <p role="alert" className="px-4 py-3 text-sm text-red-700">The delivery log could not be loaded.</p>;
  const items = deliveries.data;
  return (
    <div className="overflow-x-auto">
      <FormError message={error} />
      <table className="w-full text-sm" aria-label="Delivery log">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Event</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Response</th>
            <th className="px-4 py-2 font-medium">Attempts</th>
            <th className="px-4 py-2 font-medium">Answer</th>
            <th className="px-4 py-2 font-medium">Created</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr><td colSpan={7} className="px-4 py-6 text-center text-slate-500">No deliveries yet. Use Send test event to try the endpoint.</td></tr>
          ) : (
            items.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery" className="border-b border-slate-100 align-top last:border-0">
                <td className="px-4 py-2"><span className="font-mono text-xs">{d.event}</span><span className="block font-mono text-[10px] text-slate-400">{d.messageId}</span></td>
                <td className="px-4 py-2"><Badge tone={tone[d.status]}>{d.status === "delivered" ? "Delivered" : d.status === "failed" ? "Failed" : "Pending"}</Badge></td>
                <td className="px-4 py-2"><Outcome d={d} /></td>
                <td className="px-4 py-2">{d.attempts}</td>
                <td className="max-w-xs truncate px-4 py-2 font-mono text-xs" title={d.response ?? undefined}>{d.response || "—"}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(d.createdAt)}</td>
                <td className="px-4 py-2 text-right">
                  {canManage && d.status !== "pending" ? <Button variant="ghost" aria-label={`Redeliver ${d.event} ${d.messageId}`} onClick={() => void redeliver(d)}>Redeliver</Button> : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
