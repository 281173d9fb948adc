"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { callKeys } from "@/lib/http/query-keys";
import type { CallEventView, CallView } from "@/lib/calls/repository";
import { finalStatuses } from "@/lib/calls/status";
import type { TranscriptView } from "@/lib/calls/transcripts/schemas";

// Call reads go through the REST GETs; the server page's render is the first data. A view
// with a call still moving polls until every call on it has ended.

const POLL_MS = 2_000;

export type CallsPage = { items: CallView[]; nextCursor: string | null };
export type CallDetail = CallView & { events: CallEventView[] };

const moving = (calls: CallView[]) => calls.some((c) => !finalStatuses.has(c.status));

/** A page of the calls list; `query` is the URL's filters and cursor, as the REST GET takes them. */
export function useCalls(spaceId: string, query: Record<string, string>, initialData: CallsPage) {
  return useQuery({
    queryKey: callKeys.list(spaceId, query),
    queryFn: () => getJson<CallsPage>(`/api/v1/spaces/${spaceId}/calls?${new URLSearchParams(query)}`, "the calls"),
    initialData,
    refetchInterval: (q) => (q.state.data && moving(q.state.data.items) ? POLL_MS : false),
  });
}

export function useCall(spaceId: string, callId: string, initialData: CallDetail) {
  return useQuery({
    queryKey: callKeys.detail(spaceId, callId),
    queryFn: () => getJson<CallDetail>(`/api/v1/spaces/${spaceId}/calls/${encodeURIComponent(callId)}`, "the call"),
    initialData,
    refetchInterval: (q) => (q.state.data && moving([q.state.data]) ? POLL_MS : false),
  });
}

/** The call's transcript, polled while the call is live (turns arrive as they are spoken). */
export function useTranscript(spaceId: string, callId: string, initialData: TranscriptView, live: boolean) {
  return useQuery({
    queryKey: callKeys.transcript(spaceId, callId),
    queryFn: () => getJson<TranscriptView>(`/api/v1/spaces/${spaceId}/calls/${encodeURIComponent(callId)}/transcript`, "the transcript"),
    initialData,
    refetchInterval: live ? POLL_MS : false,
  });
}
