import "server-only";
import type { AgentSipRegistration } from "@/lib/db/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { createDispatchRule, deleteDispatchRule, listDispatchRules, updateDispatchRule, type DispatchRuleSpec } from "@/lib/livekit/dispatch-rules";
import { createInboundTrunk, deleteTrunk, listInboundTrunks, updateInboundTrunk, type InboundTrunkSpec } from "@/lib/livekit/sip-trunks";
import { MANAGED_BY } from "@/lib/provisioning/marker";
import { ROOM_PREFIX } from "@/lib/provisioning/desired-dispatch-rules";

// What LiveKit needs for calls to a registered agent: an inbound trunk holding the user the
// edge puts in To (the DID, or the contact user when there is none), accepting only the edge,
// with X-Dest-User copied to the SIP participant's attributes; and a dispatch rule sending
// each call to the agent worker with the agent in the job metadata.

type Row = Pick<AgentSipRegistration, "id" | "agentId" | "spaceId" | "did" | "contactUser" | "inboundTrunkId" | "dispatchRuleId">;

/** The To user the edge sends to livekit-sip for calls to this registration. */
export function calledUserOf(row: Pick<AgentSipRegistration, "did" | "contactUser">): string {
  return row.did ?? row.contactUser;
}

/** The attribute under which the agent sees X-Dest-User. */
export const X_DEST_USER_ATTRIBUTE = "sip.h.x-dest-user";

function marker(row: Row): string {
  // Not an account marker (no accountId): the accounts' Verify and sweeps leave it alone.
  return JSON.stringify({ managedBy: MANAGED_BY, spaceId: row.spaceId, agentId: row.agentId, role: "sip-registration" });
}

export function desiredRegistrationTrunk(row: Row, agentName: string): InboundTrunkSpec {
  return {
    name: `${agentName} (SIP registration)`.slice(0, 200),
    metadata: marker(row),
    numbers: [calledUserOf(row)],
    allowedAddresses: [...serverEnv().SIP_EDGE_ADDRESSES],
    headersToAttributes: { "X-Dest-User": X_DEST_USER_ATTRIBUTE },
  };
}

export function desiredRegistrationRule(row: Row, trunkId: string, agentName: string): DispatchRuleSpec {
  return {
    name: `${agentName} (SIP registration)`.slice(0, 200),
    metadata: marker(row),
    trunkIds: [trunkId],
    numbers: [calledUserOf(row)],
    roomPrefix: ROOM_PREFIX,
    agent: {
      name: serverEnv().AGENT_NAME,
      metadata: JSON.stringify({ number: row.did, inboundAgentId: row.agentId, spaceId: row.spaceId, registrationId: row.id }),
    },
  };
}

/** Creates or replaces in place the registration's trunk and rule; returns their ids. */
export async function applyRegistrationToLiveKit(row: Row, agentName: string): Promise<{ inboundTrunkId: string; dispatchRuleId: string }> {
  const trunkSpec = desiredRegistrationTrunk(row, agentName);
  const [trunk] = row.inboundTrunkId ? await listInboundTrunks({ ids: [row.inboundTrunkId] }) : [];
  const inboundTrunkId = trunk ? (await updateInboundTrunk(trunk.id, trunkSpec)).id : (await createInboundTrunk(trunkSpec)).id;
  const ruleSpec = desiredRegistrationRule(row, inboundTrunkId, agentName);
  const [rule] = row.dispatchRuleId ? await listDispatchRules({ ids: [row.dispatchRuleId] }) : [];
  const dispatchRuleId = rule ? (await updateDispatchRule(rule.id, ruleSpec)).id : (await createDispatchRule(ruleSpec, `registration-${row.id}`)).id;
  return { inboundTrunkId, dispatchRuleId };
}

export async function removeRegistrationFromLiveKit(row: Row): Promise<void> {
  if (row.dispatchRuleId) await deleteDispatchRule(row.dispatchRuleId);
  if (row.inboundTrunkId) await deleteTrunk(row.inboundTrunkId);
}
