"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { sipAccountKeys } from "@/lib/http/query-keys";
import type { SelfTestView } from "@/lib/sip-accounts/self-test/view";

/** The account's self-tests, newest first; polled every second while the newest is running. */
export function useSelfTests(spaceId: string, accountId: string) {
  return useQuery({
    queryKey: sipAccountKeys.selfTests(spaceId, accountId),
    queryFn: async () => (await getJson<{ items: SelfTestView[] }>(`/api/v1/spaces/${spaceId}/sip-accounts/${encodeURIComponent(accountId)}/self-tests`, "the self-tests")).items,
    refetchInterval: (query) => (query.state.data?.[0]?.state === "running" ? 1000 : false),
  });
}
