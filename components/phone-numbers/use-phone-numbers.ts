"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { phoneNumberKeys } from "@/lib/http/query-keys";
import type { PhoneNumberPage } from "@/lib/phone-numbers/view";
import { refetchAfterWrite } from "@/lib/http/refetch-after-write";

/** How many of an account's numbers its page lists; the Phone Numbers list pages through all. */
export const ACCOUNT_NUMBERS_SHOWN = 100;

/** The numbers bound to one account (the first ACCOUNT_NUMBERS_SHOWN, and the total), by the REST GET. */
export function useAccountPhoneNumbers(spaceId: string, accountId: string) {
  const query = new URLSearchParams({ accountId, limit: String(ACCOUNT_NUMBERS_SHOWN) });
  return useQuery({
    queryKey: phoneNumberKeys.account(spaceId, accountId),
    queryFn: () => getJson<PhoneNumberPage>(`/api/v1/spaces/${spaceId}/phone-numbers?${query}`, "the account's numbers"),
    refetchOnMount: "always",
  });
}

export function usePhoneNumbers(spaceId: string, q: string, cursor: string | null) {
  return useQuery({
    queryKey: phoneNumberKeys.page(spaceId, q, cursor),
    queryFn: () => {
      const query = new URLSearchParams({ q, ...(cursor ? { cursor } : {}) });
      return getJson<PhoneNumberPage>(`/api/v1/spaces/${spaceId}/phone-numbers?${query}`, "the phone numbers");
    },
    // Keep the current page on screen while the next one or a new search loads.
    placeholderData: keepPreviousData,
  });
}

export function useInvalidatePhoneNumbers(spaceId: string) {
  const client = useQueryClient();
  return () => refetchAfterWrite(client, [phoneNumberKeys.all(spaceId)]);
}
