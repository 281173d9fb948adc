"use client";

import { useQuery } from "@tanstack/react-query";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/schemas";

// Webhook reads go through the REST GETs (the session cookie authenticates them). The
// delivery log is polled while it is open, so a test event's outcome appears by itself.

const POLL_MS = 2_000;

export const webhookKeys = {
  all: (spaceId: string) => ["webhooks", spaceId] as const,
  endpoints: (spaceId: string) => [...webhookKeys.all(spaceId), "endpoints"] as const,
  deliveries: (spaceId: string, endpointId: string) => [...webhookKeys.all(spaceId), "deliveries", endpointId] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Could not load webhooks (${response.status}).`);
  return (await response.json()) as T;
}

export function useWebhookEndpoints(spaceId: string, initialData: WebhookEndpointView[]) {
  return useQuery({
    queryKey: webhookKeys.endpoints(spaceId),
    queryFn: async () => (await getJson<{ items: WebhookEndpointView[] }>(`/api/v1/spaces/${spaceId}/webhooks`)).items,
    initialData,
    // An endpoint can be disabled by the dispatcher at any time; the notice should show up.
    refetchInterval: 15_000,
  });
}

export function useWebhookDeliveries(spaceId: string, endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(spaceId, endpointId),
    queryFn: async () => (await getJson<{ items: WebhookDeliveryView[] }>(`/api/v1/spaces/${spaceId}/webhooks/${endpointId}/deliveries?limit=50`)).items,
    refetchInterval: POLL_MS,
  });
}
