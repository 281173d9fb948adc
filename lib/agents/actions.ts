"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { createAgent, deleteAgent, updateAgent } from "@/lib/agents/agent-service";
import { agentInput } from "@/lib/agents/schemas";

const agentId = z.object({ agentId: z.string().min(1) });

export const createAgentAction = spaceAction(agentInput, createAgent);

// The agent id travels apart from the values so field errors keep the form's field names.
export async function updateAgentAction(spaceId: string, agentIdValue: string, raw: unknown) {
  const id = z.string().min(1).parse(agentIdValue);
  return spaceAction(agentInput, (ctx, input) => updateAgent(ctx, id, input))(spaceId, raw);
}

export const deleteAgentAction = spaceAction(agentId, (ctx, input) => deleteAgent(ctx, input.agentId));
