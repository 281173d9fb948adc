import "server-only";
import { db, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { AGENT_NAME_TAKEN, assertCanManageAgents, findAgent, toAgentView } from "./repository";
import type { AgentInput, AgentView } from "./schemas";

// Agents live in the database only: a number's dispatch rule names the agent by id, and the
// worker loads its settings when a call comes in. So creating or editing an agent never
// touches LiveKit; assigning one to a number does (lib/phone-numbers).

function columns(input: AgentInput) {
  return { ...input, nameKey: input.name.toLowerCase() };
}

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err, ["spaceId", "nameKey"])) throw new ConflictError(AGENT_NAME_TAKEN, { name: [AGENT_NAME_TAKEN] });
  throw err;
}

export async function listAgents(ctx: SpaceContext): Promise<AgentView[]> {
  const rows = await db().agent.findMany({ where: { spaceId: ctx.spaceId }, orderBy: { nameKey: "asc" } });
  return rows.map(toAgentView);
}

export async function getAgent(ctx: SpaceContext, agentId: string): Promise<AgentView> {
  return toAgentView(await findAgent(ctx, agentId));
}

export async function createAgent(ctx: SpaceContext, input: AgentInput): Promise<AgentView> {
  assertCanManageAgents(ctx);
  try {
    return toAgentView(await db().agent.create({ data: { spaceId: ctx.spaceId, ...columns(input) } }));
  } catch (err) {
    return nameTaken(err);
  }
}

export async function updateAgent(ctx: SpaceContext, agentId: string, input: AgentInput): Promise<AgentView> {
  assertCanManageAgents(ctx);
  const row = await findAgent(ctx, agentId);
  try {
    return toAgentView(await db().agent.update({ where: { id: row.id, spaceId: ctx.spaceId }, data: columns(input) }));
  } catch (err) {
    return nameTaken(err);
  }
}

/** The live numbers that use an agent, for the refusal message. */
async function numbersUsing(agentId: string): Promise<string[]> {
  const rows = await db().phoneNumber.findMany({
    where: { liveE164: { not: null }, OR: [{ inboundAgentId: agentId }, { outboundAgentId: agentId }] },
    orderBy: { e164: "asc" },
    select: { e164: true },
    take: 21,
  });
  return rows.map((r) => r.e164);
}

function inUse(name: string, numbers: string[]): ConflictError {
  const shown = numbers.slice(0, 20).join(", ");
  const more = numbers.length > 20 ? " and more" : "";
  return new ConflictError(`${name} answers or places calls for ${shown}${more}. Assign another agent to those numbers (or remove them) first.`);
}

/**
 * Deletes an agent no number uses. In use, it is refused with the numbers named. The
 * foreign keys from numbers to agents make a concurrent assignment lose cleanly too.
 */
export async function deleteAgent(ctx: SpaceContext, agentId: string): Promise<void> {
  assertCanManageAgents(ctx);
  const row = await findAgent(ctx, agentId);
  const numbers = await numbersUsing(row.id);
  if (numbers.length > 0) throw inUse(row.name, numbers);
  // The registration's trunk and the edge's record are undone by unregistering, not by a cascade.
  const registration = await db().agentSipRegistration.findUnique({ where: { agentId: row.id }, select: { username: true } });
  if (registration) throw new ConflictError(`${row.name} is registered on a PBX as extension ${registration.username}. Remove its SIP registration first.`);
  try {
    await db().agent.delete({ where: { id: row.id, spaceId: ctx.spaceId } });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw inUse(row.name, await numbersUsing(row.id));
    throw err;
  }
}
