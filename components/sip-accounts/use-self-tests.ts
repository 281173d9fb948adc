"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import type { SelfTestView } from "@/lib/sip-accounts/self-test/view";

export const selfTestKeys = {
  list: (spaceId: string, accountId: string) => ["sip-accounts", spaceId, "self-tests", accountId] as const,
};

/** The account's self-tests, newest first; polled every second while the newest is running. */
export function useSelfTests(spaceId: string, accountId: string) {
  return useQuery({
    queryKey: selfTestKeys.list(spaceId, accountId),
    queryFn: async () => (await getJson<{ items: SelfTestView[] }>(`/api/v1/spaces/${spaceId}/sip-accounts/${encodeURIComponent(accountId)}/self-tests`, "the self-tests")).items,
    refetchInterval: (query) => (query.state.data?.[0]?.state === "running" ? 1000 : false),
  });
}
