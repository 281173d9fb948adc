import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Agent } from "@/lib/db/generated/prisma/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import type { AgentView } from "./schemas";
import type { TransferDestination } from "./transfer-destinations";

/** Only owners and admins change agents; members may look. */
export function assertCanManageAgents(ctx: SpaceContext): void {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can create, change or delete agents.");
}

/** An agent of the caller's Space; any other id (missing, another Space's) is the same 404. */
export async function findAgent(ctx: SpaceContext, agentId: string): Promise<Agent> {
  const row = await db().agent.findFirst({ where: { id: agentId, spaceId: ctx.spaceId } });
  if (!row) throw new NotFoundError("Agent not found");
  return row;
}

export function toAgentView(row: Agent): AgentView {
  // The columns were written through the schema; the casts name what it guaranteed.
  return {
    id: row.id,
    name: row.name,
    greeting: row.greeting,
    instructions: row.instructions,
    language: row.language as AgentView["language"],
    voice: row.voice,
    sttProvider: row.sttProvider as AgentView["sttProvider"],
    llmProvider: row.llmProvider as AgentView["llmProvider"],
    ttsProvider: row.ttsProvider as AgentView["ttsProvider"],
    endCallEnabled: row.endCallEnabled,
    maxCallSeconds: row.maxCallSeconds,
    silenceTimeoutSeconds: row.silenceTimeoutSeconds,
    transferDestinations: row.transferDestinations as TransferDestination[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const AGENT_NAME_TAKEN = "Another agent in this Space already has this name.";
