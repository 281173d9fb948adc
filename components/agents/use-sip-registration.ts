"use client";

import { useQuery } from "@tanstack/react-query";
import { getJsonOrNull } from "@/lib/http/get-json";
import { agentKeys } from "@/lib/http/query-keys";
import type { RegistrationView } from "@/lib/sip-registrations/schemas";

/** The agent's registration (null: none), polled while its status may still change. */
export function useSipRegistration(spaceId: string, agentId: string) {
  return useQuery({
    queryKey: agentKeys.registration(spaceId, agentId),
    queryFn: () => getJsonOrNull<RegistrationView>(`/api/v1/spaces/${spaceId}/agents/${encodeURIComponent(agentId)}/sip-registration`, "the SIP registration"),
    // The edge reports replies as they come: keep the badge live without a reload.
    refetchInterval: 2_000,
  });
}
