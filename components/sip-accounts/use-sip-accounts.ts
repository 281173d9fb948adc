"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listSipAccountsAction } from "@/app/(console)/s/[spaceId]/phone-numbers/sip-account-actions";
import type { SipAccountView } from "@/lib/sip-accounts/view";

export const sipAccountKeys = {
  all: (spaceId: string) => ["sip-accounts", spaceId] as const,
};

export function useSipAccounts(spaceId: string) {
  return useQuery({
    queryKey: sipAccountKeys.all(spaceId),
    queryFn: async (): Promise<SipAccountView[]> => {
      const result = await listSipAccountsAction(spaceId, {});
      if (!result.ok) throw new Error(result.formError ?? "Could not load the Custom SIP accounts.");
      return result.data;
    },
  });
}

export function useInvalidateSipAccounts(spaceId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sipAccountKeys.all(spaceId) });
}
