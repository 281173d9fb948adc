"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { listPhoneNumbersAction } from "@/app/(console)/s/[spaceId]/phone-numbers/phone-number-actions";
import type { PhoneNumberPage } from "@/lib/phone-numbers/view";

export const phoneNumberKeys = {
  all: (spaceId: string) => ["phone-numbers", spaceId] as const,
  page: (spaceId: string, q: string, cursor: string | null) => ["phone-numbers", spaceId, "page", q, cursor] as const,
};

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
