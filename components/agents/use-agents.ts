"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import { agentKeys } from "@/lib/http/query-keys";
import type { AgentView } from "@/lib/agents/schemas";

export function useAgents(spaceId: string) {
  return useQuery({
    queryKey: agentKeys.list(spaceId),
    queryFn: async () => (await getJson<{ items: AgentView[] }>(`/api/v1/spaces/${spaceId}/agents`, "the agents")).items,
  });
}

