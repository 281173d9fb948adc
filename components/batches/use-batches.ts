"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { batchKeys } from "@/lib/http/query-keys";
import type { BatchDetail, BatchView } from "@/lib/calls/batches/repository";

// Batch reads go through the REST GETs (the session cookie authenticates them); a running
// batch is polled so its progress moves without reloading the page.

const POLL_MS = 2_000;

export function useBatches(spaceId: string, initialData: BatchView[]) {
  return useQuery({
    queryKey: batchKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: BatchView[] }>(`/api/v1/spaces/${spaceId}/batches`, "the batches")).items,
    initialData,
    refetchInterval: (query) => (query.state.data?.some((b) => b.state === "running") ? POLL_MS : false),
  });
}

export function useBatch(spaceId: string, batchId: string, cursor: number | undefined, initialData?: BatchDetail) {
  const params = new URLSearchParams({ limit: "100", ...(cursor !== undefined ? { cursor: String(cursor) } : {}) });
  return useQuery({
    queryKey: batchKeys.detail(spaceId, batchId, cursor),
    queryFn: () => getJson<BatchDetail>(`/api/v1/spaces/${spaceId}/batches/${batchId}?${params}`, "the batch"),
    initialData,
    // Calls already dialling when a batch is cancelled still finish, so poll until all have.
    refetchInterval: (query) => (query.state.data && query.state.data.finished < query.state.data.total ? POLL_MS : false),
  });
}
