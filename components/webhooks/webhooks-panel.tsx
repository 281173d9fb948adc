"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedWebhookEndpoint, WebhookEndpointView } from "@/lib/webhooks/schemas";
import { CreateEndpointForm } from "./create-endpoint-form";
import { EndpointCard } from "./endpoint-card";
import { webhookKeys } from "@/lib/http/query-keys";
import { useWebhookEndpoints } from "./use-webhooks";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

/** The signing secret, once: it is stored sealed and never shown again. */
function NewSecret({ created, onDone }: { created: CreatedWebhookEndpoint; onDone: () => void }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">Signing secret for {created.endpoint.url}. Copy it now: it will not be shown again.</p>
      <div className="flex items-center gap-2">
        <code data-testid="webhook-signing-secret" className="break-all rounded bg-white px-2 py-1 font-mono text-xs">{created.secret}</code>
        <CopyButton value={created.secret} label="signing secret" />
      </div>
      <p className="text-slate-700">Verify each request&apos;s <code>webhook-signature</code> with a Standard Webhooks library and this secret.</p>
      <Button variant="secondary" onClick={onDone}>Done</Button>
    </div>
  );
}

export function WebhooksPanel({ spaceId, initialEndpoints, canManage }: { spaceId: string; initialEndpoints: WebhookEndpointView[]; canManage: boolean }) {
  const queryClient = useQueryClient();
  const endpoints = useWebhookEndpoints(spaceId, initialEndpoints);
  const [secret, setSecret] = useState<CreatedWebhookEndpoint | null>(null);
  const showSecret = (created: CreatedWebhookEndpoint) => {
    setSecret(created);
    void refetchAfterWrite(queryClient, [webhookKeys.endpoints(spaceId)]);
  };
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm text-slate-600">
        Calls, accounts, numbers and batches announce what happens to your systems. Each event is retried with back-off for about 31 hours until your endpoint answers 2xx, with the same <code>webhook-id</code>; a call&apos;s events arrive in order.
      </p>
      {secret ? <NewSecret created={secret} onDone={() => setSecret(null)} /> : null}
      {endpoints.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No webhook endpoints yet. {canManage ? "Add one below to receive call and account events." : "Ask an owner or admin to add one."}</p>
      ) : (
        endpoints.data.map((e) => <EndpointCard key={e.id} spaceId={spaceId} endpoint={e} canManage={canManage} onSecret={showSecret} />)
      )}
      {canManage ? (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="mb-4 text-base font-semibold">Add a webhook endpoint</h2>
          <CreateEndpointForm spaceId={spaceId} onCreated={showSecret} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can add or change webhook endpoints.</p>
      )}
    </div>
  );
}
