"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { listPhoneNumbersAction } from "@/lib/phone-numbers/actions";
import { getJson } from "@/lib/http/get-json";
import type { PhoneNumberPage } from "@/lib/phone-numbers/view";

/** How many of an account's numbers its page lists; the Phone Numbers list pages through all. */
export const ACCOUNT_NUMBERS_SHOWN = 100;

export const phoneNumberKeys = {
  all: (spaceId: string) => ["phone-numbers", spaceId] as const,
  page: (spaceId: string, q: string, cursor: string | null) => ["phone-numbers", spaceId, "page", q, cursor] as const,
  account: (spaceId: string, accountId: string) => ["phone-numbers", spaceId, "account", accountId] as const,
};

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
    queryFn: async (): Promise<PhoneNumberPage> => {
      const result = await listPhoneNumbersAction(spaceId, { q, ...(cursor ? { cursor } : {}) });
      if (!result.ok) throw new Error(result.formError ?? "Could not load the phone numbers.");
      return result.data;
    },
    // Keep the current page on screen while the next one or a new search loads.
    placeholderData: keepPreviousData,
  });
}

export function useInvalidatePhoneNumbers(spaceId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: phoneNumberKeys.all(spaceId) });
}
