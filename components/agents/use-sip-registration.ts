"use client";

import { useQuery } from "@tanstack/react-query";
import { getRegistrationAction } from "@/lib/sip-registrations/actions";
import type { RegistrationView } from "@/lib/sip-registrations/schemas";

export const registrationKey = (spaceId: string, agentId: string) => ["sip-registration", spaceId, agentId] as const;

/** The agent's registration (null: none), polled while its status may still change. */
export function useSipRegistration(spaceId: string, agentId: string) {
  return useQuery({
    queryKey: registrationKey(spaceId, agentId),
    queryFn: async (): Promise<RegistrationView | null> => {
      const result = await getRegistrationAction(spaceId, { agentId });
      if (!result.ok) throw new Error(result.formError ?? "Could not load the SIP registration.");
      return result.data;
    },
    // The edge reports replies as they come: keep the badge live without a reload.
    refetchInterval: 2_000,
  });
}
