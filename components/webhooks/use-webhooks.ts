"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { webhookKeys } from "@/lib/http/query-keys";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/schemas";

// Webhook reads go through the REST GETs (the session cookie authenticates them). The
// delivery log is polled while it is open, so a test event's outcome appears by itself.

const POLL_MS = 2_000;

export function useWebhookEndpoints(spaceId: string, initialData: WebhookEndpointView[]) {
  return useQuery({
    queryKey: webhookKeys.endpoints(spaceId),
    queryFn: async () => (await getJson<{ items: WebhookEndpointView[] }>(`/api/v1/spaces/${spaceId}/webhooks`, "the webhooks")).items,
    initialData,
    // An endpoint can be disabled by the dispatcher at any time; the notice should show up.
    refetchInterval: 15_000,
  });
}

export function useWebhookDeliveries(spaceId: string, endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(spaceId, endpointId),
    queryFn: async () => (await getJson<{ items: WebhookDeliveryView[] }>(`/api/v1/spaces/${spaceId}/webhooks/${endpointId}/deliveries?limit=50`, "the deliveries")).items,
    refetchInterval: POLL_MS,
  });
}
