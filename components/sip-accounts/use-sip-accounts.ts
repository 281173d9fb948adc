"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { sipAccountKeys } from "@/lib/http/query-keys";
import type { HostOwnershipView } from "@/lib/sip-accounts/host-ownership/view";
import type { VerifyRunView } from "@/lib/sip-accounts/verify-run-view";
import type { SipAccountListItem, SipAccountView } from "@/lib/sip-accounts/view";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

// Account reads go through the REST GETs. Every key starts with `all`, so one invalidation
// refreshes the list, the account pages and the drawer together.

export function useSipAccounts(spaceId: string) {
  return useQuery({
    queryKey: sipAccountKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: SipAccountListItem[] }>(`/api/v1/spaces/${spaceId}/sip-accounts`, "the Custom SIP accounts")).items,
    // Numbers bound and accounts changed elsewhere (REST, another tab) show as soon as a page opens.
    refetchOnMount: "always",
  });
}

export function useSipAccount(spaceId: string, accountId: string, initialData?: SipAccountView) {
  return useQuery({
    queryKey: sipAccountKeys.detail(spaceId, accountId),
    queryFn: () => getJson<SipAccountView>(`/api/v1/spaces/${spaceId}/sip-accounts/${encodeURIComponent(accountId)}`, "the Custom SIP account"),
    initialData,
  });
}

export function useHostOwnership(spaceId: string, accountId: string) {
  return useQuery({
    queryKey: sipAccountKeys.hostOwnership(spaceId, accountId),
    queryFn: () => getJson<HostOwnershipView>(`/api/v1/spaces/${spaceId}/sip-accounts/${encodeURIComponent(accountId)}/host-ownership`, "the PBX address's ownership"),
  });
}

export function useInvalidateSipAccounts(spaceId: string) {
  const client = useQueryClient();
  return () => refetchAfterWrite(client, [sipAccountKeys.all(spaceId)]);
}

/** The account's latest Verify runs, newest first (the REST GET's default of 10). */
export function useVerifyRuns(spaceId: string, accountId: string) {
  return useQuery({
    queryKey: sipAccountKeys.verifyRuns(spaceId, accountId),
    queryFn: async () => (await getJson<{ items: VerifyRunView[] }>(`/api/v1/spaces/${spaceId}/sip-accounts/${encodeURIComponent(accountId)}/verify-runs`, "the Verify history")).items,
  });
}
