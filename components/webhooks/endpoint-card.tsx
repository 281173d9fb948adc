"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/format/date-time";
import { deleteWebhookEndpointAction, rotateWebhookSecretAction, sendTestWebhookAction, updateWebhookEndpointAction } from "@/lib/webhooks/actions";
import type { CreatedWebhookEndpoint, WebhookEndpointView } from "@/lib/webhooks/schemas";
import { DeliveryLog } from "./delivery-log";
import { webhookKeys } from "@/lib/http/query-keys";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

function firstError(result: Extract<ActionResult<unknown>, { ok: false }>, fallback: string): string {
  return result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? fallback;
}

export function EndpointCard({ spaceId, endpoint, canManage, onSecret }: { spaceId: string; endpoint: WebhookEndpointView; canManage: boolean; onSecret: (created: CreatedWebhookEndpoint) => void }) {
  const queryClient = useQueryClient();
  const [logOpen, setLogOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const ref = { endpointId: endpoint.id };
  const refresh = () => refetchAfterWrite(queryClient, [webhookKeys.all(spaceId)]);

  async function run<T>(action: () => Promise<ActionResult<T>>, done: (data: T) => Notice | null, failed: string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setNotice(result.ok ? done(result.data) : { tone: "error", text: firstError(result, failed) });
    await refresh();
  }

  const toggle = () =>
    run(() => updateWebhookEndpointAction(spaceId, { ...ref, changes: { enabled: !endpoint.enabled } }), (e) => ({ tone: "ok", text: e.enabled ? "Enabled: events are sent again." : "Disabled: no events are sent." }), "The endpoint could not be changed.");
  const sendTest = () =>
    run(() => sendTestWebhookAction(spaceId, ref), () => { setLogOpen(true); return { tone: "ok", text: "Test event queued: its outcome appears in the delivery log." }; }, "The test event could not be queued.");
  const rotate = () => run(() => rotateWebhookSecretAction(spaceId, ref), (created) => { onSecret(created); return null; }, "The secret could not be rotated.");
  const remove = () => run(() => deleteWebhookEndpointAction(spaceId, ref), () => { setDeleting(false); return null; }, "The endpoint could not be deleted.");

  return (
    <section data-testid="webhook-endpoint" aria-label={`Webhook endpoint ${endpoint.url}`} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-start justify-between gap-3 p-4">
        <div className="min-w-0 space-y-1">
          <p className="truncate font-mono text-sm" title={endpoint.url}>{endpoint.url}</p>
          {endpoint.description ? <p className="text-sm text-slate-600">{endpoint.description}</p> : null}
          <p className="text-xs text-slate-500">{endpoint.events.length === 0 ? "Every event" : endpoint.events.join(", ")}</p>
        </div>
        <Badge tone={endpoint.enabled ? (endpoint.failingSince ? "amber" : "green") : "slate"}>{endpoint.enabled ? (endpoint.failingSince ? "Failing" : "Enabled") : "Disabled"}</Badge>
      </div>
      {endpoint.disabledReason ? <p role="alert" className="mx-4 mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{endpoint.disabledReason}</p> : null}
      {endpoint.enabled && endpoint.failingSince ? (
        <p className="mx-4 mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Deliveries have been failing since {formatDateTime(endpoint.failingSince)}. They are retried with back-off; after 3 days without a success the endpoint is disabled.</p>
      ) : null}
      {notice ? <div className="mx-4 mb-3"><NoticeLine notice={notice} /></div> : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-100 px-4 py-3">
        <Button variant="secondary" aria-expanded={logOpen} onClick={() => setLogOpen((o) => !o)}>{logOpen ? "Hide delivery log" : "Delivery log"}</Button>
        {canManage ? (
          <>
            <Button variant="secondary" disabled={busy || !endpoint.enabled} onClick={() => void sendTest()}>Send test event</Button>
            <Button variant="secondary" disabled={busy} onClick={() => void toggle()}>{endpoint.enabled ? "Disable" : "Enable"}</Button>
            <Button variant="secondary" disabled={busy} onClick={() => void rotate()}>Rotate secret</Button>
            <Button variant="ghost" disabled={busy} onClick={() => setDeleting(true)}>Delete</Button>
          </>
        ) : null}
      </div>
      {logOpen ? <div className="border-t border-slate-100"><DeliveryLog spaceId={spaceId} endpointId={endpoint.id} canManage={canManage} /></div> : null}
      <ConfirmDialog open={deleting} title="Delete this webhook endpoint?" confirmLabel="Delete endpoint" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setDeleting(false)}>
        <p>Nothing more is sent to {endpoint.url}, and its delivery log is deleted.</p>
      </ConfirmDialog>
    </section>
  );
}
