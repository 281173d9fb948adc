"use client";

import { useQuery } from "@tanstack/react-query";
import type { BatchDetail, BatchView } from "@/lib/calls/batches/repository";

// Batch reads go through the REST GETs (the session cookie authenticates them); a running
// batch is polled so its progress moves without reloading the page.

const POLL_MS = 2_000;

export const batchKeys = {
  all: (spaceId: string) => ["batches", spaceId] as const,
  list: (spaceId: string) => [...batchKeys.all(spaceId), "list"] as const,
  detail: (spaceId: string, batchId: string, cursor: number | undefined) => [...batchKeys.all(spaceId), "detail", batchId, cursor ?? 0] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Could not load the batch (${response.status}).`);
  return (await response.json()) as T;
}

export function useBatches(spaceId: string, initialData: BatchView[]) {
  return useQuery({
    queryKey: batchKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: BatchView[] }>(`/api/v1/spaces/${spaceId}/batches`)).items,
    initialData,
    refetchInterval: (query) => (query.state.data?.some((b) => b.state === "running") ? POLL_MS : false),
  });
}

export function useBatch(spaceId: string, batchId: string, cursor: number | undefined, initialData?: BatchDetail) {
  const params = new URLSearchParams({ limit: "100", ...(cursor !== undefined ? { cursor: String(cursor) } : {}) });
  return useQuery({
    queryKey: batchKeys.detail(spaceId, batchId, cursor),
    queryFn: () => getJson<BatchDetail>(`/api/v1/spaces/${spaceId}/batches/${batchId}?${params}`),
    initialData,
    // Calls already dialling when a batch is cancelled still finish, so poll until all have.
    refetchInterval: (query) => (query.state.data && query.state.data.finished < query.state.data.total ? POLL_MS : false),
  });
}
