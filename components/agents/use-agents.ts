"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listAgentsAction } from "@/lib/agents/actions";
import type { AgentView } from "@/lib/agents/schemas";

export const agentKeys = {
  all: (spaceId: string) => ["agents", spaceId] as const,
};

export function useAgents(spaceId: string) {
  return useQuery({
    queryKey: agentKeys.all(spaceId),
    queryFn: async (): Promise<AgentView[]> => {
      const result = await listAgentsAction(spaceId, {});
      if (!result.ok) throw new Error(result.formError ?? "Could not load the agents.");
      return result.data;
    },
  });
}

export function useInvalidateAgents(spaceId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: agentKeys.all(spaceId) });
}
